using FsCheck;
using FsCheck.Fluent;

namespace StreamRisk.Core.Tests.Evaluation;

/// <summary>Generators for paired samples: small integers scaled down, so ties are common and values stay exact.</summary>
internal static class EvaluationSamples
{
    public static Gen<double> Value { get; } = Gen.Choose(-50, 50).Select(i => i / 4.0);

    public static Arbitrary<double[]> Sample { get; } =
        (from n in Gen.Choose(0, 40)
         from values in Gen.ArrayOf(Value, n)
         select values).ToArbitrary();

    public static Arbitrary<(double[] X, double[] Y)> Pairs { get; } =
        (from n in Gen.Choose(2, 40)
         from x in Gen.ArrayOf(Value, n)
         from y in Gen.ArrayOf(Value, n)
         select (x, y)).ToArbitrary();

    public static bool IsConstant(double[] values) => values.Distinct().Count() < 2;
}
