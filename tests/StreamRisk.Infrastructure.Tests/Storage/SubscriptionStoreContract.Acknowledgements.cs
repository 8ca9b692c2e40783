using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>Alert acknowledgements: per team, the first one kept, removable, never visible to another team.</summary>
public abstract partial class SubscriptionStoreContract
{
    private static readonly DateTimeOffset AckAt = new(2026, 12, 2, 10, 30, 0, TimeSpan.Zero);

    private static AlertAcknowledgement Ack(string team, string alert, string? note = "on it", DateTimeOffset? at = null) =>
        new(team, alert, at ?? AckAt, "key_" + team, note);

    [Fact]
    public async Task An_acknowledgement_reads_back_whole_for_its_team_only()
    {
        var stored = await Store.AcknowledgeAlertAsync(Ack("desk", "a1"));

        Assert.Equal(Ack("desk", "a1"), stored);
        Assert.Equal([Ack("desk", "a1")], await Store.GetAcknowledgementsAsync("desk", ["a1", "a2"]));
        Assert.Empty(await Store.GetAcknowledgementsAsync("surv", ["a1"]));
    }

    [Fact]
    public async Task Acknowledging_again_keeps_the_first_acknowledgement()
    {
        await Store.AcknowledgeAlertAsync(Ack("desk", "a1", note: null));

        var again = await Store.AcknowledgeAlertAsync(Ack("desk", "a1", note: "second", at: AckAt.AddHours(1)));

        Assert.Equal(Ack("desk", "a1", note: null), again);
    }

    [Fact]
    public async Task Two_teams_acknowledge_the_same_alert_independently()
    {
        await Store.AcknowledgeAlertAsync(Ack("desk", "a1"));
        await Store.AcknowledgeAlertAsync(Ack("surv", "a1", note: "seen"));

        Assert.True(await Store.RemoveAcknowledgementAsync("desk", "a1"));

        Assert.Empty(await Store.GetAcknowledgementsAsync("desk", ["a1"]));
        Assert.Equal([Ack("surv", "a1", note: "seen")], await Store.GetAcknowledgementsAsync("surv", ["a1"]));
        Assert.False(await Store.RemoveAcknowledgementAsync("desk", "a1"));
    }

    [Fact]
    public async Task Acknowledgements_of_many_alerts_come_back_in_alert_id_order()
    {
        var ids = Enumerable.Range(0, 120).Select(i => $"alert-{i:D3}").ToArray();
        foreach (var id in ids.Where((_, i) => i % 3 == 0).Reverse())
        {
            await Store.AcknowledgeAlertAsync(Ack("desk", id));
        }

        var read = await Store.GetAcknowledgementsAsync("desk", ids);

        Assert.Equal(ids.Where((_, i) => i % 3 == 0), read.Select(a => a.AlertId));
        Assert.Empty(await Store.GetAcknowledgementsAsync("desk", []));
    }

    [Fact]
    public async Task An_acknowledgement_for_a_team_that_does_not_exist_is_refused() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AcknowledgeAlertAsync(Ack("ghost", "a1")));
}
