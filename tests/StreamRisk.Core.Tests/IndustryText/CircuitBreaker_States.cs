using Microsoft.Extensions.Time.Testing;
using StreamRisk.Core.IndustryText;

namespace StreamRisk.Core.Tests.IndustryText;

public class CircuitBreaker_States
{
    [Fact]
    public void Opens_after_the_failures_in_a_row_and_a_success_in_between_resets_the_count()
    {
        var breaker = new CircuitBreaker(3, TimeSpan.FromSeconds(30), new FakeTimeProvider());
        breaker.Failure();
        breaker.Failure();
        breaker.Success();
        breaker.Failure();
        breaker.Failure();
        Assert.True(breaker.TryEnter());
        breaker.Failure();
        Assert.False(breaker.TryEnter());
        Assert.Equal(1, breaker.TimesOpened);
    }

    [Fact]
    public void After_the_break_one_trial_goes_through_and_its_failure_opens_the_circuit_again()
    {
        var time = new FakeTimeProvider();
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(30), time);
        breaker.Failure();
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(breaker.TryEnter());
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(breaker.TryEnter());
        Assert.False(breaker.TryEnter()); // one trial at a time
        breaker.Failure();
        Assert.False(breaker.TryEnter());
        Assert.Equal(2, breaker.TimesOpened);

        time.Advance(TimeSpan.FromSeconds(31));
        Assert.True(breaker.TryEnter());
        breaker.Success();
        Assert.True(breaker.TryEnter());
        Assert.True(breaker.TryEnter());
    }
}
