using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Delivery;

namespace StreamRisk.Core.Tests.Delivery;

public sealed class RetryBackoff_Delays
{
    private static readonly RetryBackoff Backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 10);

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(2, 2_000)]
    [InlineData(3, 4_000)]
    [InlineData(6, 32_000)]
    [InlineData(7, 60_000)]
    [InlineData(9, 60_000)]
    public void The_ceiling_doubles_until_the_cap(int failures, double ceilingMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMs * 0.999), Backoff.DelayAfter(failures, () => 0.999));
        Assert.Equal(TimeSpan.Zero, Backoff.DelayAfter(failures, () => 0));
    }

    [Fact]
    public void After_the_last_attempt_there_is_no_retry() => Assert.Null(Backoff.DelayAfter(10, () => 0.5));

    [Property(MaxTest = 500)]
    public Property Every_delay_lies_between_zero_and_the_capped_ceiling() => Prop.ForAll(
        Gen.Choose(1, 1000).Zip(Gen.Choose(0, 1_000_000)).ToArbitrary(),
        sample =>
        {
            var (failures, draw) = sample;
            var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(10), 2000);
            var delay = backoff.DelayAfter(failures, () => draw / 1_000_000.0)!.Value;
            return delay >= TimeSpan.Zero && delay <= TimeSpan.FromMinutes(10);
        });
}
