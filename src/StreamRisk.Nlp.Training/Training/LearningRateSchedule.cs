namespace StreamRisk.Nlp.Training.Training;

/// <summary>How the learning rate moves over a training run.</summary>
public enum LearningRateSchedule
{
    /// <summary>The start rate throughout.</summary>
    Constant,

    /// <summary>Half a cosine from the start rate down to 0 at the last step of the longest run: large steps while the
    /// model finds its way, small ones at the end, where early stopping usually picks the epoch.</summary>
    Cosine,
}

public static class LearningRateScheduleRates
{
    /// <summary>The rate for step <paramref name="step"/> (0-based) of at most <paramref name="totalSteps"/>.</summary>
    public static double RateAt(this LearningRateSchedule schedule, double start, long step, long totalSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 1);
        return schedule switch
        {
            LearningRateSchedule.Constant => start,
            LearningRateSchedule.Cosine => start * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(step, totalSteps) / totalSteps)),
            _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule, null),
        };
    }
}
