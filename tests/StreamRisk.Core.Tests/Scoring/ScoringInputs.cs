using FsCheck;
using FsCheck.Fluent;

namespace StreamRisk.Core.Tests.Scoring;

/// <summary>Generators of scorer inputs over realistic and extreme ranges.</summary>
internal static class ScoringInputs
{
    public static Gen<double> Index => Gen.Choose(-5000, 5000).Select(i => i / 1000.0);

    public static Gen<double?> Spread => Gen.Frequency(
        (1, Gen.Constant<double?>(null)),
        (4, Gen.Choose(-50, 5000).Select(i => (double?)i)));

    public static Gen<IReadOnlyDictionary<string, double>?> Indicators =>
        from present in Gen.Choose(0, 3)
        from coverage in Gen.Choose(-500, 3000).Select(i => i / 100.0)
        from leverage in Gen.Choose(0, 150).Select(i => i / 100.0)
        select present switch
        {
            0 => null,
            1 => new Dictionary<string, double> { ["interest_coverage"] = coverage },
            2 => new Dictionary<string, double> { ["debt_to_assets"] = leverage },
            _ => (IReadOnlyDictionary<string, double>?)new Dictionary<string, double> { ["interest_coverage"] = coverage, ["debt_to_assets"] = leverage },
        };
}
