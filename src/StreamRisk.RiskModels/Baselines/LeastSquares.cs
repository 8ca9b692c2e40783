namespace StreamRisk.RiskModels.Baselines;

/// <summary>Ridge least squares from accumulated normal equations (XᵀX + λI)β = Xᵀy, solved by Cholesky.</summary>
public sealed class LeastSquares
{
    private readonly int _p;
    private readonly double[] _xtx;
    private readonly double[][] _xty;
    private long _rows;

    public LeastSquares(int predictors, int outputs)
    {
        _p = predictors;
        _xtx = new double[predictors * predictors];
        _xty = Enumerable.Range(0, outputs).Select(_ => new double[predictors]).ToArray();
    }

    public long Rows => _rows;

    public void Add(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        for (var i = 0; i < _p; i++)
        {
            var xi = x[i];
            if (xi == 0) continue;
            for (var j = 0; j <= i; j++) _xtx[i * _p + j] += xi * x[j];
            for (var k = 0; k < _xty.Length; k++) _xty[k][i] += xi * y[k];
        }
        _rows++;
    }

    /// <summary>One coefficient vector per output. <paramref name="ridge"/> is scaled by the row count (penalty per row).</summary>
    public double[][] Solve(double ridge = 1e-6)
    {
        var a = new double[_p * _p];
        for (var i = 0; i < _p; i++)
        {
            for (var j = 0; j <= i; j++) a[i * _p + j] = a[j * _p + i] = _xtx[i * _p + j];
            a[i * _p + i] += ridge * Math.Max(_rows, 1);
        }
        var l = Cholesky(a, _p);
        return _xty.Select(b => SolveCholesky(l, _p, b)).ToArray();
    }

    private static double[] Cholesky(double[] a, int n)
    {
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i * n + j];
                for (var k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
                if (i == j)
                {
                    if (!(sum > 0)) throw new InvalidOperationException("least squares: the design is singular (add ridge or more rows)");
                    l[i * n + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        return l;
    }

    private static double[] SolveCholesky(double[] l, int n, double[] b)
    {
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++) sum -= l[i * n + k] * z[k];
            z[i] = sum / l[i * n + i];
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k];
            x[i] = sum / l[i * n + i];
        }
        return x;
    }
}
