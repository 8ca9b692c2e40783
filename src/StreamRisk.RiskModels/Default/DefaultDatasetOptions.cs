namespace StreamRisk.RiskModels.Default;

/// <summary>How default-prediction examples are cut from a market and split. Defaults follow the EMDLOT study.</summary>
public sealed record DefaultDatasetOptions
{
    public static DefaultDatasetOptions Default { get; } = new();

    /// <summary>At most this many newest statements (by period end) per example.</summary>
    public int MaxQuarters { get; init; } = 8;

    /// <summary>Origins are every this-many calendar quarter ends, from the first quarter end of the market.</summary>
    public int OriginStepQuarters { get; init; } = 1;

    /// <summary>Quarters after the origin excluded from the label (the study's last two quarters before an event); an
    /// issuer whose class changes in them is dropped at that origin.</summary>
    public int GapQuarters { get; init; } = 2;

    /// <summary>Length of the label window in quarters, after the gap.</summary>
    public int HorizonQuarters { get; init; } = 4;

    /// <summary>Issuer shares of train and validation; the rest are test issuers.</summary>
    public double TrainIssuerShare { get; init; } = 0.70;

    public double ValidationIssuerShare { get; init; } = 0.15;

    /// <summary>Shares of the labelled origin quarters (those left once the two label-window gaps between the parts are
    /// taken out) that go to train and validation; the rest, the latest, to test. Test gets 35 % by default because it
    /// also holds only 15 % of the issuers: on 2,000 issuers × 10 years a 25 % test period left too few defaults.</summary>
    public double TrainTimeShare { get; init; } = 0.50;

    public double ValidationTimeShare { get; init; } = 0.15;

    /// <summary>Seeds the issuer hash: another seed puts other issuers in each part.</summary>
    public ulong SplitSeed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (MaxQuarters < 1) throw new ArgumentException($"MaxQuarters must be at least 1 (was {MaxQuarters})");
        if (OriginStepQuarters < 1) throw new ArgumentException($"OriginStepQuarters must be at least 1 (was {OriginStepQuarters})");
        if (GapQuarters < 0) throw new ArgumentException($"GapQuarters must be at least 0 (was {GapQuarters})");
        if (HorizonQuarters < 1) throw new ArgumentException($"HorizonQuarters must be at least 1 (was {HorizonQuarters})");
        CheckShares(TrainIssuerShare, ValidationIssuerShare, "IssuerShare");
        CheckShares(TrainTimeShare, ValidationTimeShare, "TimeShare");
    }

    private static void CheckShares(double train, double validation, string name)
    {
        if (!(train > 0 && validation >= 0 && train + validation < 1))
        {
            throw new ArgumentException($"Train{name} ({train}) and Validation{name} ({validation}) must be ≥ 0 with train > 0 and leave a test share");
        }
    }
}
