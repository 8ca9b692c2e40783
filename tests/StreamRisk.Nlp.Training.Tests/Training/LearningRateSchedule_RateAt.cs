using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Nlp.Training.Training;

namespace StreamRisk.Nlp.Training.Tests.Training;

public sealed class LearningRateSchedule_RateAt
{
    [Property]
    public Property Constant_keeps_the_start_rate(PositiveInt step, PositiveInt total) =>
        (LearningRateSchedule.Constant.RateAt(5e-3, step.Get, total.Get) == 5e-3).ToProperty();

    [Property]
    public Property Cosine_falls_from_the_start_rate_to_zero_and_never_rises(PositiveInt a, PositiveInt b, PositiveInt total)
    {
        var (early, late) = (Math.Min(a.Get, b.Get), Math.Max(a.Get, b.Get));
        var first = LearningRateSchedule.Cosine.RateAt(1.0, early, total.Get);
        var second = LearningRateSchedule.Cosine.RateAt(1.0, late, total.Get);
        return (first >= second && first <= 1 && second >= 0)
            .Label($"rate at {early} = {first}, at {late} = {second} of {total.Get}");
    }

    [Fact]
    public void Cosine_starts_at_the_start_rate_halves_midway_and_ends_at_zero()
    {
        Assert.Equal(4e-3, LearningRateSchedule.Cosine.RateAt(4e-3, 0, 1000), 12);
        Assert.Equal(2e-3, LearningRateSchedule.Cosine.RateAt(4e-3, 500, 1000), 12);
        Assert.Equal(0, LearningRateSchedule.Cosine.RateAt(4e-3, 1000, 1000), 12);
        Assert.Equal(0, LearningRateSchedule.Cosine.RateAt(4e-3, 1500, 1000), 12);
    }

    [Fact]
    public void A_run_of_no_steps_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Cosine.RateAt(1, 0, 0));
    }
}
