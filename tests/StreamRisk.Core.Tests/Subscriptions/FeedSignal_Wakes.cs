using Microsoft.Extensions.Time.Testing;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Core.Tests.Subscriptions;

/// <summary>A stream waits for its own team: entries for other teams leave it asleep (no store read), its own team's
/// or a broadcast wake it, and the webhook dispatcher's wait wakes on any.</summary>
public sealed class FeedSignal_Wakes
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new();

    private static async Task<bool> Completes(Task task, TimeSpan within) => await Task.WhenAny(task, Task.Delay(within)) == task;

    [Fact]
    public async Task Entries_for_other_teams_leave_a_team_stream_asleep_but_wake_the_any_waiter()
    {
        var signal = new FeedSignal();
        var desk = signal.WaitForTeamAsync("desk", Long, _time, CancellationToken.None);
        var any = signal.WaitAsync(Long, _time, CancellationToken.None);

        signal.Notify(["surv", "risk"]);

        Assert.True(await Completes(any, TimeSpan.FromSeconds(5)));
        Assert.False(await Completes(desk, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Its_own_team_or_a_broadcast_wakes_a_team_stream()
    {
        var signal = new FeedSignal();
        var desk = signal.WaitForTeamAsync("desk", Long, _time, CancellationToken.None);
        var deskToo = signal.WaitForTeamAsync("desk", Long, _time, CancellationToken.None);
        var surv = signal.WaitForTeamAsync("surv", Long, _time, CancellationToken.None);

        signal.Notify(["desk"]);
        Assert.True(await Completes(Task.WhenAll(desk, deskToo), TimeSpan.FromSeconds(5)));
        Assert.False(surv.IsCompleted);

        signal.Notify();
        Assert.True(await Completes(surv, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_wait_taken_after_a_notification_waits_for_the_next_one_or_its_timeout()
    {
        var signal = new FeedSignal();
        signal.Notify(["desk"]);
        var desk = signal.WaitForTeamAsync("desk", TimeSpan.FromSeconds(15), _time, CancellationToken.None);
        Assert.False(await Completes(desk, TimeSpan.FromMilliseconds(100)));

        _time.Advance(TimeSpan.FromSeconds(15));

        Assert.True(await Completes(desk, TimeSpan.FromSeconds(5)));
    }
}
