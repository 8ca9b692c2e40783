namespace StreamRisk.Pipeline.Evaluation;

/// <summary>Pooled correlation, over every (issuer, day) of the daily index, of the smoothed index with one latent target.</summary>
public sealed record IndexCorrelation(LatentTarget Target, int HorizonDays, int Pairs, double Pearson, double Spearman)
{
    public string Definition => Target switch
    {
        LatentTarget.ChangeBehind => $"latent(t) − latent(t−{HorizonDays})",
        LatentTarget.ChangeAhead => $"latent(t+{HorizonDays}) − latent(t)",
        _ => "latent(t)",
    };
}
