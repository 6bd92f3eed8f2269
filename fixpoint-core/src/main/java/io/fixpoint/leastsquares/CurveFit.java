package io.fixpoint.leastsquares;

import io.fixpoint.expr.CompiledExpression;
import io.fixpoint.expr.Expression;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.LeastSquaresProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Curve fitting as a least-squares problem: residuals rᵢ = f(xᵢ; b) − yᵢ for a model expression f
 * with parameters b and predictor columns x, and the Jacobian ∂f/∂b by automatic differentiation of
 * the expression. Holds evaluation buffers, so one instance belongs to one thread.
 */
public final class CurveFit implements LeastSquaresProblem {
    private final CompiledExpression model;
    private final int n;
    private final int m;
    private final double[][] predictors;
    private final double[] y;
    private final double[] point;
    private final double[] gradient;

    private CurveFit(CompiledExpression model, int n, double[][] predictors, double[] y) {
        this.model = model;
        this.n = n;
        this.m = y.length;
        this.predictors = predictors;
        this.y = y;
        this.point = new double[model.names().size()];
        this.gradient = new double[point.length];
    }

    /**
     * @param model      the model expression
     * @param parameters the names of the fitted parameters, in the order of the parameter vector
     * @param predictors the data columns by variable name (all of length m)
     * @param y          the observed responses
     * @throws InvalidProblemException on empty or mismatched data, fewer observations than parameters, or a parameter
     *                                 list that does not match the model
     */
    public static CurveFit of(Expression model, List<String> parameters, Map<String, double[]> predictors, double[] y) {
        if (parameters.isEmpty()) {
            throw new InvalidProblemException("no parameters to fit");
        }
        if (y.length == 0) {
            throw new InvalidProblemException("no observations to fit");
        }
        Map<String, double[]> cols = new LinkedHashMap<>(predictors);
        for (Map.Entry<String, double[]> c : cols.entrySet()) {
            if (c.getValue().length != y.length) {
                throw new InvalidProblemException("column '" + c.getKey() + "' has " + c.getValue().length + " values but y has " + y.length);
            }
            if (parameters.contains(c.getKey())) {
                throw new InvalidProblemException("'" + c.getKey() + "' is both a parameter and a data column");
            }
        }
        for (String p : parameters) {
            if (!model.names().contains(p)) {
                throw new InvalidProblemException("parameter '" + p + "' does not appear in the model " + model.text());
            }
        }
        List<String> names = new ArrayList<>(parameters);
        names.addAll(cols.keySet());
        for (String v : model.variables()) {
            if (!names.contains(v)) {
                throw new InvalidProblemException("the model uses '" + v + "', which is neither a parameter " + parameters
                        + " nor a data column " + cols.keySet());
            }
        }
        FitStatistics.requireEnoughObservations(y.length, parameters.size());
        CompiledExpression compiled = model.compile(names);
        return new CurveFit(compiled, parameters.size(), cols.values().toArray(new double[0][]), y.clone());
    }

    /** One predictor column named {@code variable}. */
    public static CurveFit of(Expression model, List<String> parameters, String variable, double[] x, double[] y) {
        return of(model, parameters, Map.of(variable, x), y);
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public int residualCount() {
        return m;
    }

    /** The parameter names, in order. */
    public List<String> parameters() {
        return model.names().subList(0, n);
    }

    /** The model value at observation i for parameters b. */
    public double predict(double[] b, int i) {
        load(b, i);
        return model.evaluate(point);
    }

    @Override
    public void residuals(double[] b, double[] r) {
        for (int i = 0; i < m; i++) {
            load(b, i);
            r[i] = model.evaluate(point) - y[i];
        }
    }

    @Override
    public void jacobian(double[] b, double[] jac) {
        for (int i = 0; i < m; i++) {
            load(b, i);
            model.evaluate(point, gradient);
            System.arraycopy(gradient, 0, jac, i * n, n);
        }
    }

    private void load(double[] b, int i) {
        System.arraycopy(b, 0, point, 0, n);
        for (int c = 0; c < predictors.length; c++) {
            point[n + c] = predictors[c][i];
        }
    }
}
