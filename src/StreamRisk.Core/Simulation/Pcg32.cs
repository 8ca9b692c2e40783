namespace StreamRisk.Core.Simulation;

/// <summary>
/// PCG-XSH-RR 64/32 generator (O'Neill 2014). Ours rather than System.Random, whose algorithm is not
/// promised to stay the same across .NET versions: the simulator must give the same bytes for the same seed forever.
/// </summary>
public sealed class Pcg32
{
    private const ulong Multiplier = 6364136223846793005UL;
    private ulong _state;
    private readonly ulong _increment;
    private double _spareGaussian;
    private bool _hasSpare;

    /// <param name="seed">Run seed.</param>
    /// <param name="stream">Stream number: generators with equal seeds and different streams are independent.</param>
    public Pcg32(ulong seed, ulong stream)
    {
        _increment = (stream << 1) | 1UL;
        _state = 0;
        NextUInt();
        _state += Mix(seed);
        NextUInt();
    }

    /// <summary>A generator for a named stream of a run, e.g. ("latent", seed).</summary>
    public static Pcg32 ForStream(ulong seed, string streamName) => new(seed, StreamId(streamName));

    /// <summary>FNV-1a of the name: a stable number per stream name (string.GetHashCode is randomised per process).</summary>
    public static ulong StreamId(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    public uint NextUInt()
    {
        var old = _state;
        _state = unchecked(old * Multiplier + _increment);
        var xorShifted = (uint)(((old >> 18) ^ old) >> 27);
        var rotation = (int)(old >> 59);
        return (xorShifted >> rotation) | (xorShifted << ((-rotation) & 31));
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble()
    {
        var bits = ((ulong)NextUInt() << 21) ^ (NextUInt() >> 11);
        return (bits & ((1UL << 53) - 1)) * (1.0 / (1UL << 53));
    }

    /// <summary>Uniform integer in [0, <paramref name="bound"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), bound, "bound must be positive");
        var threshold = (uint)(-bound) % (uint)bound;
        while (true)
        {
            var product = (ulong)NextUInt() * (uint)bound;
            if ((uint)product >= threshold) return (int)(product >> 32);
        }
    }

    public bool NextBool(double probability) => NextDouble() < probability;

    /// <summary>Standard normal by the polar Box–Muller method.</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }

        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);

        var factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareGaussian = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    /// <summary>Student-t with <paramref name="degreesOfFreedom"/>, scaled to unit variance (heavy tails, comparable scale).</summary>
    public double NextStudentT(double degreesOfFreedom)
    {
        if (degreesOfFreedom <= 2) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), "needs > 2 for a finite variance");
        var z = NextGaussian();
        var chiSquare = NextGamma(degreesOfFreedom / 2.0) * 2.0;
        var t = z / Math.Sqrt(chiSquare / degreesOfFreedom);
        return t * Math.Sqrt((degreesOfFreedom - 2.0) / degreesOfFreedom);
    }

    /// <summary>Gamma(shape, 1) by Marsaglia–Tsang; shapes below 1 by the boosting identity.</summary>
    public double NextGamma(double shape)
    {
        if (shape <= 0) throw new ArgumentOutOfRangeException(nameof(shape));
        if (shape < 1.0)
        {
            var boosted = NextGamma(shape + 1.0);
            return boosted * Math.Pow(NextDouble() + double.Epsilon, 1.0 / shape);
        }

        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextGaussian();
                v = 1.0 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
            if (Math.Log(u) < 0.5 * x * x + d * (1.0 - v + Math.Log(v))) return d * v;
        }
    }

    /// <summary>Poisson count; inversion for small means, a rounded normal approximation for large ones.</summary>
    public int NextPoisson(double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 30)
        {
            var approx = (int)Math.Round(mean + Math.Sqrt(mean) * NextGaussian());
            return Math.Max(0, approx);
        }

        var limit = Math.Exp(-mean);
        var product = NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= NextDouble();
            count++;
        }

        return count;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(items.Count)];

    private static ulong Mix(ulong value)
    {
        // SplitMix64 finaliser: neighbouring seeds (1, 2, 3…) give unrelated start states.
        value = unchecked((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL);
        value = unchecked((value ^ (value >> 27)) * 0x94D049BB133111EBUL);
        return value ^ (value >> 31);
    }
}
