using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Indexing;

namespace StreamRisk.Core.Tests.Indexing;

public sealed class CausalZScore_Causality
{
    private static Gen<double> ValueOrMissing =>
        Gen.Frequency((5, Gen.Choose(-100_000, 100_000).Select(i => i / 1000.0)), (1, Gen.Constant(double.NaN)));

    [Property(MaxTest = 200)]
    public Property FutureValues_NeverChangePastZScores() => Prop.ForAll(
        (from past in Gen.NonEmptyListOf(ValueOrMissing)
         from future in Gen.NonEmptyListOf(ValueOrMissing)
         select (past.ToArray(), future.ToArray())).ToArbitrary(),
        s =>
        {
            var z = new CausalZScore(window: 20, minCount: 5);
            var (past, future) = s;
            var alone = new double[past.Length];
            z.Compute(past, alone);
            var extended = past.Concat(future).ToArray();
            var withFuture = new double[extended.Length];
            z.Compute(extended, withFuture);
            return alone.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(withFuture.Take(past.Length).Select(BitConverter.DoubleToInt64Bits));
        });

    [Property(MaxTest = 200)]
    public Property TheDayItself_DoesNotEnterItsOwnStatistics() => Prop.ForAll(
        (from past in Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(i => i / 10.0), 30)
         from a in Gen.Choose(-1000, 1000)
         from b in Gen.Choose(-1000, 1000)
         select (past, a / 10.0, b / 10.0)).ToArbitrary(),
        s =>
        {
            var z = new CausalZScore(window: 60, minCount: 10);
            var withA = s.past.Append(s.Item2).ToArray();
            var withB = s.past.Append(s.Item3).ToArray();
            var za = z.At(withA, 30);
            var zb = z.At(withB, 30);
            // Same past statistics: z is affine in the day's value with the same slope and offset.
            var mean = s.past.Average();
            var sd = Math.Sqrt(s.past.Sum(x => (x - mean) * (x - mean)) / 29);
            return sd < 1e-9 || Math.Abs(za * sd + mean - s.Item2) < 1e-9 && Math.Abs(zb * sd + mean - s.Item3) < 1e-9;
        });
}
