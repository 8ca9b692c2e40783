namespace StreamRisk.Pipeline.Evaluation;

/// <summary>What the smoothed daily index of day t is correlated with (h = the horizon in trading days).</summary>
public enum LatentTarget
{
    /// <summary>latent(t) − latent(t − h): the recent change the news reports on.</summary>
    ChangeBehind,

    /// <summary>latent(t + h) − latent(t): the change still to come (news tone follows latent credit with lags, so some leads).</summary>
    ChangeAhead,

    /// <summary>latent(t): the credit level itself.</summary>
    Level,
}
