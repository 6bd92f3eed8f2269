package io.fixpoint.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Operator-precedence parser (Dijkstra's shunting yard) with explicit stacks, so nesting depth and
 * length are limited by memory, never by the call stack. Precedence, loosest first: {@code + -},
 * {@code * /}, unary {@code - +}, {@code ^} (right-associative, so {@code -x^2 = -(x^2)} and
 * {@code 2^3^2 = 2^9}; its right operand may carry a sign, {@code 2^-1}). {@code **} is accepted
 * as a synonym of {@code ^}. The result is the expression in postfix order. Columns are 1-based and
 * counted from {@code offset}.
 */
final class Parser {
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int SIGN = 3;
    private static final int POWER = 4;

    /** An entry of the operator stack: an operator, an open parenthesis, or an open function call. */
    private static final class Pending {
        final Op op;          // the operator or function; null for a parenthesis
        final int precedence; // 0 for a parenthesis or a call
        final int column;
        final String function; // the function's name for a call, else null
        int arguments;

        Pending(Op op, int precedence, int column, String function) {
            this.op = op;
            this.precedence = precedence;
            this.column = column;
            this.function = function;
        }

        boolean isGroup() {
            return precedence == 0;
        }
    }

    private final String text;
    private final int offset;
    private final List<Node> out = new ArrayList<>();
    private final Deque<Pending> stack = new ArrayDeque<>();
    private int pos;

    private Parser(String text, int offset) {
        this.text = text;
        this.offset = offset;
    }

    static List<Node> parse(String text, int offset) {
        Parser p = new Parser(text, offset);
        p.skipSpace();
        if (p.pos == text.length()) {
            throw new ExpressionException("empty expression", text.isEmpty() ? 0 : offset + 1);
        }
        p.run();
        return List.copyOf(p.out);
    }

    private void run() {
        boolean operand = true; // expecting an operand (else an operator, ')' or ',')
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                if (operand) {
                    throw new ExpressionException("unexpected end of expression", column(pos));
                }
                finish();
                return;
            }
            operand = operand ? operand() : operator();
        }
    }

    /** Reads an operand or a prefix; returns whether an operand is still expected. */
    private boolean operand() {
        char c = text.charAt(pos);
        if (c == '-') {
            pos++;
            stack.push(new Pending(Op.NEG, SIGN, column(pos - 1), null));
            return true;
        }
        if (c == '+') {
            pos++;
            return true;
        }
        if (c == '(') {
            stack.push(new Pending(null, 0, column(pos++), null));
            return true;
        }
        if (Character.isDigit(c) || c == '.') {
            out.add(number());
            return false;
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '(') {
                return call(name, start);
            }
            if (Op.FUNCTIONS.containsKey(name)) {
                throw new ExpressionException("'" + name + "' is a function: write " + name + "(...)", column(start));
            }
            out.add(new Node.Name(name, column(start)));
            return false;
        }
        throw unexpected();
    }

    private boolean call(String name, int start) {
        Op op = Op.FUNCTIONS.get(name);
        if (op == null) {
            throw new ExpressionException("unknown function '" + name + "' (known: " + String.join(", ", Op.FUNCTIONS.keySet()) + ")",
                    column(start));
        }
        pos++; // '('
        Pending call = new Pending(op, 0, column(start), name);
        stack.push(call);
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == ')') {
            pos++;
            stack.pop();
            close(call); // no arguments: an arity error
            return false;
        }
        return true;
    }

    /** Reads a binary operator, ')' or ','; returns whether an operand is expected next. */
    private boolean operator() {
        char c = text.charAt(pos);
        switch (c) {
            case '+' -> binary(Op.ADD, SUM, 1);
            case '-' -> binary(Op.SUB, SUM, 1);
            case '/' -> binary(Op.DIV, PRODUCT, 1);
            case '^' -> binary(Op.POW, POWER, 1);
            case '*' -> {
                if (text.startsWith("**", pos)) {
                    binary(Op.POW, POWER, 2);
                } else {
                    binary(Op.MUL, PRODUCT, 1);
                }
            }
            case ')' -> {
                Pending group = popToGroup();
                if (group == null) {
                    throw unexpected();
                }
                pos++;
                if (group.function != null) {
                    group.arguments++;
                    close(group);
                }
                return false;
            }
            case ',' -> {
                Pending group = popToGroup();
                if (group == null || group.function == null) {
                    throw unexpected();
                }
                pos++;
                group.arguments++;
                stack.push(group);
                return true;
            }
            default -> throw unexpected();
        }
        return true;
    }

    private void binary(Op op, int precedence, int width) {
        boolean right = precedence == POWER;
        while (!stack.isEmpty() && !stack.peek().isGroup()
                && (stack.peek().precedence > precedence || (!right && stack.peek().precedence == precedence))) {
            out.add(new Node.Apply(stack.pop().op));
        }
        stack.push(new Pending(op, precedence, column(pos), null));
        pos += width;
    }

    /** Emits the operators above the innermost '(' or call and pops that group; null when there is none. */
    private Pending popToGroup() {
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            if (p.isGroup()) {
                return p;
            }
            out.add(new Node.Apply(p.op));
        }
        return null;
    }

    private void close(Pending call) {
        if (call.arguments != call.op.arity) {
            throw new ExpressionException("function '" + call.function + "' takes " + call.op.arity + " argument"
                    + (call.op.arity == 1 ? "" : "s") + " but got " + call.arguments, call.column);
        }
        out.add(new Node.Apply(call.op));
    }

    private void finish() {
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            if (p.isGroup()) {
                String what = p.function == null ? "'('" : "'" + p.function + "('";
                throw new ExpressionException(what + " is never closed", p.column); // the innermost, as a reader would close it first
            }
            out.add(new Node.Apply(p.op));
        }
    }

    private Node number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else if (pos == mark + 1 && pos < text.length() && Character.isLetter(text.charAt(pos))) {
                pos = mark; // "2exp" is not a number followed by garbage we can explain better below
            } else {
                throw new ExpressionException("malformed number '" + text.substring(start, pos) + "'", column(start));
            }
        }
        String s = text.substring(start, pos);
        try {
            return new Node.Constant(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw new ExpressionException("malformed number '" + s + "'", column(start));
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ExpressionException unexpected() {
        skipSpace();
        if (pos >= text.length()) {
            return new ExpressionException("unexpected end of expression", column(pos));
        }
        return new ExpressionException("unexpected '" + text.charAt(pos) + "'", column(pos));
    }

    private int column(int index) {
        return offset + index + 1;
    }
}
