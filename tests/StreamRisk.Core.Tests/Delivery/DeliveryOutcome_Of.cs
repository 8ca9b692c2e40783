using StreamRisk.Core.Delivery;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Core.Tests.Delivery;

public sealed class DeliveryOutcome_Of
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetryBackoff Backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 3);

    private static WebhookDelivery Delivery(int attempts) =>
        new(7, "desk", "hook", "a1:r0", DeliveryStatus.Pending, attempts, At, null, null, null);

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    [InlineData(299)]
    public void Any_2xx_is_delivered(int status)
    {
        var attempt = DeliveryOutcome.Of(Delivery(0), At, status, null, Backoff, () => 0.5);
        Assert.Equal(new DeliveryAttempt(7, At, true, status, null, null), attempt);
    }

    [Theory]
    [InlineData(0, 500, 500.0)]
    [InlineData(1, 429, 1000.0)]
    [InlineData(1, 301, 1000.0)]
    public void Other_answers_are_retried_after_the_backoff(int attemptsBefore, int status, double delayMs)
    {
        var attempt = DeliveryOutcome.Of(Delivery(attemptsBefore), At, status, null, Backoff, () => 0.5);
        Assert.Equal(new DeliveryAttempt(7, At, false, status, $"HTTP {status}", At.AddMilliseconds(delayMs)), attempt);
    }

    [Fact]
    public void No_answer_is_retried_with_its_reason()
    {
        var attempt = DeliveryOutcome.Of(Delivery(0), At, null, "no answer within 10 s", Backoff, () => 1);
        Assert.Equal(new DeliveryAttempt(7, At, false, null, "no answer within 10 s", At.AddSeconds(1)), attempt);
    }

    [Fact]
    public void The_last_attempt_and_gone_are_dead()
    {
        Assert.Null(DeliveryOutcome.Of(Delivery(2), At, 500, null, Backoff, () => 0.5).NextAttemptAt);
        Assert.Null(DeliveryOutcome.Of(Delivery(0), At, 410, null, Backoff, () => 0.5).NextAttemptAt);
    }
}
