using Microsoft.Playwright;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Api.Tests.Dashboard.Browser;

/// <summary>
/// The dashboard as a person uses it, in headless Chromium against the API on loopback over the sample run: the pages
/// render with data, an alert pushed while the page is open appears without a reload, an alert is acknowledged, the
/// heat map drills down to a day's topics, and a team never sees another team's subscriptions. Each test leaves a
/// screenshot in TestResults/screenshots.
/// </summary>
[Collection(SampleApiCollection.Name)]
public sealed class Dashboard_InChromium(SampleApiFixture sample, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private async Task<string> BusiestTopicAsync() =>
        (await sample.Store.GetIndustrySentimentsAsync()).SelectMany(t => t.Topics).GroupBy(t => t.TopicId).MaxBy(g => g.Count())!.Key;

    [BrowserFact]
    public async Task The_start_page_lists_alerts_and_draws_the_heat_map_which_drills_down_to_a_days_topics()
    {
        await using var session = await DashboardSession.StartAsync(sample);
        var page = await session.OpenAsync(chromium.Browser, sample.DeskToken);

        await page.Locator("li.alert").First.WaitForAsync();
        Assert.Equal((await sample.Store.GetAlertsAsync()).Count(a => a.Status == "active"), await page.Locator("li.alert").CountAsync());
        await page.Locator("svg.heatmap rect").First.WaitForAsync();
        var allCells = await page.Locator("svg.heatmap rect").CountAsync();
        await DashboardSession.ScreenshotAsync(page, "01-alerts-and-heat-map");

        var topic = await BusiestTopicAsync();
        await page.Locator("#heatmap-topic option").Nth(2).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#heatmap-topic", topic);
        await page.WaitForFunctionAsync("n => document.querySelectorAll('svg.heatmap rect').length > 0 && document.querySelectorAll('svg.heatmap rect').length < n", allCells);
        await DashboardSession.ScreenshotAsync(page, "02-heat-map-one-topic");

        await page.Locator("svg.heatmap a:has(rect)").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"#/industry/[^/]+/\d{4}-\d{2}-\d{2}$"));
        await page.Locator("table.topics-behind tr td a").First.WaitForAsync();
        Assert.Contains(topic, await page.Locator("table.topics-behind").InnerHTMLAsync(), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bnull\b|undefined|\[object", await page.Locator("main").InnerTextAsync());
        await DashboardSession.ScreenshotAsync(page, "03-industry-day-topics");
        Assert.Empty(session.ScriptErrors);
    }

    [BrowserFact]
    public async Task An_issuer_page_draws_its_index_spread_and_class_probabilities_with_its_names_marked()
    {
        // An issuer with observed spreads (the sample has them for a few) and the most scored days.
        var spreads = (await sample.Store.GetSpreadsAsync()).Select(s => s.IssuerId).ToHashSet(StringComparer.Ordinal);
        var firms = await sample.Store.GetFirmSentimentsAsync();
        var issuerId = firms.Select(f => f.IssuerId).Where(spreads.Contains).GroupBy(id => id).MaxBy(g => g.Count())!.Key;
        var issuer = sample.Reference.Issuers.Single(i => i.IssuerId == issuerId);
        await using var session = await DashboardSession.StartAsync(sample);
        var page = await session.OpenAsync(chromium.Browser, sample.DeskToken, $"#/issuer/{issuerId}");

        await page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = issuer.LegalName }).WaitForAsync();
        await page.Locator("svg.chart[aria-label='daily index'] path.line.s-smoothed").WaitForAsync();
        await page.Locator("svg.chart[aria-label='spread'] path.line").First.WaitForAsync();
        await page.Locator("svg.chart[aria-label='class probabilities'] path.area").First.WaitForAsync();
        await page.Locator("p.explanation").WaitForAsync();
        await page.Locator("ol.texts mark").First.WaitForAsync();
        Assert.NotEmpty(await page.Locator("svg.chart[aria-label='daily index'] path.line.s-smoothed").GetAttributeAsync("d") ?? "");
        Assert.DoesNotMatch(@"\bnull\b|undefined|\[object", await page.Locator("main").InnerTextAsync());
        await DashboardSession.ScreenshotAsync(page, "04-issuer");
        Assert.Empty(session.ScriptErrors);
    }

    [BrowserFact]
    public async Task An_alert_pushed_while_the_page_is_open_appears_without_a_reload()
    {
        var subscription = new Subscription("sub_browser_" + Guid.NewGuid().ToString("N")[..8], "desk", "browser test", SubscriptionFilter.Everything,
            null, null, DateTimeOffset.UtcNow);
        await sample.Access.Subscriptions.AddSubscriptionAsync(subscription);
        try
        {
            await using var session = await DashboardSession.StartAsync(sample);
            var page = await session.OpenAsync(chromium.Browser, sample.DeskToken);
            await page.Locator("li.alert").First.WaitForAsync();
            await page.Locator("#status.live").WaitForAsync();
            await page.EvaluateAsync("() => { window.notReloaded = true; }");

            var alertId = "browser-pushed-" + Guid.NewGuid().ToString("N")[..8];
            var issuer = sample.Reference.Issuers[0];
            var body = $$$"""{"kind":"alert","data":{"alert_id":"{{{alertId}}}","issuer_id":"{{{issuer.IssuerId}}}","as_of":"2099-01-01","rule":"jump","severity":"critical","message":"pushed by the browser test","value":-2.5,"threshold":null,"evidence_doc_ids":[],"revision":0,"status":"active"}}""";
            await sample.Access.Subscriptions.AppendToFeedAsync(
                [new FeedItem("desk", subscription.SubscriptionId, SubscriptionKind.Alert, alertId + ":r0", DateTimeOffset.UtcNow, body)], DateTimeOffset.UtcNow);
            sample.Access.Signal.Notify();

            var pushed = page.Locator($"li.alert.fresh[data-alert-id='{alertId}']");
            await pushed.WaitForAsync();
            Assert.Contains(issuer.LegalName, await pushed.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(alertId, await page.Locator("li.alert").First.GetAttributeAsync("data-alert-id"));
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
            await DashboardSession.ScreenshotAsync(page, "05-alert-pushed-live");
            Assert.Empty(session.ScriptErrors);
        }
        finally
        {
            await sample.Access.Subscriptions.DeleteSubscriptionAsync("desk", subscription.SubscriptionId, DateTimeOffset.UtcNow);
        }
    }

    [BrowserFact]
    public async Task An_alert_acknowledged_in_the_page_stays_acknowledged_after_a_reload_for_that_team_only()
    {
        await using var session = await DashboardSession.StartAsync(sample);
        var page = await session.OpenAsync(chromium.Browser, sample.DeskToken);
        var row = page.Locator("li.alert:not(.acknowledged)").First;
        await row.WaitForAsync();
        var alertId = await row.GetAttributeAsync("data-alert-id");
        var target = page.Locator($"li.alert[data-alert-id='{alertId}']");

        await target.Locator("input.note").FillAsync("desk called the treasurer");
        await target.Locator("button.acknowledge").ClickAsync();
        await page.Locator($"li.alert.acknowledged[data-alert-id='{alertId}']").WaitForAsync();
        await DashboardSession.ScreenshotAsync(page, "06-alert-acknowledged");

        await page.ReloadAsync();
        var again = page.Locator($"li.alert.acknowledged[data-alert-id='{alertId}']");
        await again.WaitForAsync();
        Assert.Contains("desk called the treasurer", await again.InnerTextAsync(), StringComparison.Ordinal);

        var other = await session.OpenAsync(chromium.Browser, sample.OtherTeamToken);
        var theirs = other.Locator($"li.alert[data-alert-id='{alertId}']");
        await theirs.WaitForAsync();
        Assert.DoesNotContain("acknowledged", await theirs.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);

        await again.Locator("button.undo").ClickAsync();
        await page.Locator($"li.alert:not(.acknowledged)[data-alert-id='{alertId}'] button.acknowledge").WaitForAsync();
        Assert.Empty(session.ScriptErrors);
    }

    [BrowserFact]
    public async Task A_subscription_made_in_the_page_is_listed_for_its_team_and_never_for_another()
    {
        var name = "browser desk watch " + Guid.NewGuid().ToString("N")[..6];
        var topic = await BusiestTopicAsync();
        await using var session = await DashboardSession.StartAsync(sample);
        var page = await session.OpenAsync(chromium.Browser, sample.DeskToken, "#/subscriptions");

        await page.Locator("#sub-name").FillAsync(name);
        await page.SelectOptionAsync("#sub-topics", topic);
        await page.SelectOptionAsync("#sub-severity", "warning");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        var row = page.Locator("table.subscriptions tr", new() { HasText = name });
        await row.WaitForAsync();
        var id = await row.GetAttributeAsync("data-subscription-id");
        Assert.Contains("warning and above", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bnull\b|undefined|\[object", await page.Locator("main").InnerTextAsync());
        await DashboardSession.ScreenshotAsync(page, "07-subscriptions");

        var other = await session.OpenAsync(chromium.Browser, sample.OtherTeamToken, "#/subscriptions");
        await other.GetByRole(AriaRole.Heading, new() { Name = "Add a subscription" }).WaitForAsync();
        Assert.DoesNotContain(name, await other.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await other.Locator($"tr[data-subscription-id='{id}']").CountAsync());

        await row.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Null(await sample.Access.Subscriptions.GetSubscriptionAsync("desk", id!));
        Assert.Empty(session.ScriptErrors);
    }

    [BrowserFact]
    public async Task A_topic_page_shows_the_industries_it_moves_what_it_moved_and_its_texts()
    {
        var topic = await BusiestTopicAsync();
        await using var session = await DashboardSession.StartAsync(sample);
        var page = await session.OpenAsync(chromium.Browser, sample.DeskToken, "#/topics");
        await page.Locator($"a[href='#/topic/{topic}']").ClickAsync();

        await page.Locator("table.moves tr td a").First.WaitForAsync();
        await page.Locator("svg.heatmap rect").First.WaitForAsync();
        await page.Locator("ol.texts li a").First.WaitForAsync();
        Assert.Equal(sample.Reference.TopicIndustryMatrix.Count(l => l.TopicId == topic), await page.Locator("table.moves tr").CountAsync() - 1);
        Assert.DoesNotMatch(@"\bnull\b|undefined|\[object", await page.Locator("main").InnerTextAsync());
        await DashboardSession.ScreenshotAsync(page, "08-topic");
        Assert.Empty(session.ScriptErrors);
    }
}
