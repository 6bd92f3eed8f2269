package io.fixpoint.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser. Precedence, loosest first: {@code + -}, {@code * /}, unary {@code - +},
 * {@code ^} (right-associative, so {@code -x^2 = -(x^2)} and {@code 2^3^2 = 2^9}). {@code **} is
 * accepted as a synonym of {@code ^}. Columns are 1-based and counted from {@code offset}.
 */
final class Parser {
    private final String text;
    private final int offset;
    private int pos;

    private Parser(String text, int offset) {
        this.text = text;
        this.offset = offset;
    }

    static Node parse(String text, int offset) {
        Parser p = new Parser(text, offset);
        p.skipSpace();
        if (p.pos == text.length()) {
            throw new ExpressionException("empty expression", text.isEmpty() ? 0 : offset + 1);
        }
        Node n = p.sum();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.unexpected();
        }
        return n;
    }

    private Node sum() {
        Node left = product();
        while (true) {
            if (accept('+')) {
                left = apply(Op.ADD, left, product());
            } else if (accept('-')) {
                left = apply(Op.SUB, left, product());
            } else {
                return left;
            }
        }
    }

    private Node product() {
        Node left = unary();
        while (true) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '*' && !text.startsWith("**", pos)) {
                pos++;
                left = apply(Op.MUL, left, unary());
            } else if (accept('/')) {
                left = apply(Op.DIV, left, unary());
            } else {
                return left;
            }
        }
    }

    private Node unary() {
        if (accept('-')) {
            return new Node.Apply(Op.NEG, List.of(unary()));
        }
        if (accept('+')) {
            return unary();
        }
        return power();
    }

    private Node power() {
        Node base = primary();
        skipSpace();
        if (accept('^')) {
            return apply(Op.POW, base, unary());
        }
        if (text.startsWith("**", pos)) {
            pos += 2;
            return apply(Op.POW, base, unary());
        }
        return base;
    }

    private Node primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw new ExpressionException("unexpected end of expression", column(pos));
        }
        char c = text.charAt(pos);
        if (Character.isDigit(c) || c == '.') {
            return number();
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
            return switch (name) {
                case "pi" -> new Node.Constant(Math.PI);
                case "e" -> new Node.Constant(Math.E);
                default -> new Node.Name(name, column(start));
            };
        }
        if (c == '(') {
            int open = pos++;
            Node inner = sum();
            skipSpace();
            if (!accept(')')) {
                if (pos >= text.length()) {
                    throw new ExpressionException("'(' is never closed", column(open));
                }
                throw unexpected();
            }
            return inner;
        }
        throw unexpected();
    }

    private Node call(String name, int start) {
        Op op = Op.FUNCTIONS.get(name);
        if (op == null) {
            throw new ExpressionException("unknown function '" + name + "' (known: " + String.join(", ", Op.FUNCTIONS.keySet()) + ")",
                    column(start));
        }
        pos++; // '('
        List<Node> args = new ArrayList<>();
        skipSpace();
        if (!accept(')')) {
            do {
                args.add(sum());
            } while (accept(','));
            if (!accept(')')) {
                if (pos >= text.length()) {
                    throw new ExpressionException("'" + name + "(' is never closed", column(start));
                }
                throw unexpected();
            }
        }
        if (args.size() != op.arity) {
            throw new ExpressionException("function '" + name + "' takes " + op.arity + " argument" + (op.arity == 1 ? "" : "s")
                    + " but got " + args.size(), column(start));
        }
        return new Node.Apply(op, List.copyOf(args));
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

    private static Node apply(Op op, Node a, Node b) {
        return new Node.Apply(op, List.of(a, b));
    }

    private boolean accept(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
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
