using StreamRisk.Core.Alerts;
using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Core.Tests.Subscriptions;

public sealed class SubscriptionMatcher_Scope
{
    // Two airlines and a bank; "oil_price" moves airlines, "sanctions" moves banks.
    private static readonly ReferenceData Reference = new(
        [new Industry("airlines", "Airlines", "Transport"), new Industry("banks", "Banks", "Financials")],
        [new Topic("oil_price", "commodities", "Oil price", "..."), new Topic("sanctions", "politics", "Sanctions", "...")],
        [new TopicIndustryLink("oil_price", "airlines", -0.6), new TopicIndustryLink("sanctions", "banks", -0.4)],
        [new Issuer("air1", "Air One", [], [], ["airlines"]), new Issuer("air2", "Air Two", [], [], ["airlines"]),
         new Issuer("bank1", "Bank One", [], [], ["banks"])]);

    private static readonly SubscriptionMatcher Matcher = new(Reference);

    private static RiskAlert Alert(string issuer, string severity = AlertRules.Warning, string rule = AlertRules.Jump) =>
        new("a1", issuer, new DateOnly(2026, 12, 1), rule, severity, "fell", -2.5, null, []);

    private static SubscriptionFilter Filter(string[]? issuers = null, string[]? industries = null, string[]? topics = null,
        string[]? rules = null, string severity = AlertRules.Info, SubscriptionKind[]? kinds = null) =>
        new(issuers ?? [], industries ?? [], topics ?? [], rules ?? [], severity, kinds ?? []);

    [Fact]
    public void An_empty_filter_takes_every_alert() => Assert.True(Matcher.Matches(SubscriptionFilter.Everything, Alert("bank1")));

    [Theory]
    [InlineData("air1", true)]
    [InlineData("air2", false)]
    public void A_listed_issuer_is_in_scope_and_no_other(string issuer, bool expected) =>
        Assert.Equal(expected, Matcher.Matches(Filter(issuers: ["air1"]), Alert(issuer)));

    [Theory]
    [InlineData("air2", true)]
    [InlineData("bank1", false)]
    public void An_industry_takes_its_issuers(string issuer, bool expected) =>
        Assert.Equal(expected, Matcher.Matches(Filter(industries: ["airlines"]), Alert(issuer)));

    [Theory]
    [InlineData("bank1", true)]
    [InlineData("air1", false)]
    public void A_topic_takes_the_issuers_of_the_industries_it_moves(string issuer, bool expected) =>
        Assert.Equal(expected, Matcher.Matches(Filter(topics: ["sanctions"]), Alert(issuer)));

    [Fact]
    public void Scope_lists_widen_each_other()
    {
        var filter = Filter(issuers: ["bank1"], industries: ["airlines"]);
        Assert.True(Matcher.Matches(filter, Alert("bank1")));
        Assert.True(Matcher.Matches(filter, Alert("air2")));
    }

    [Theory]
    [InlineData(AlertRules.Info, AlertRules.Info, true)]
    [InlineData(AlertRules.Info, AlertRules.Warning, false)]
    [InlineData(AlertRules.Warning, AlertRules.Warning, true)]
    [InlineData(AlertRules.Critical, AlertRules.Warning, true)]
    [InlineData(AlertRules.Warning, AlertRules.Critical, false)]
    public void Alerts_below_the_minimum_severity_are_held_back(string severity, string minimum, bool expected) =>
        Assert.Equal(expected, Matcher.Matches(Filter(severity: minimum), Alert("air1", severity)));

    [Fact]
    public void Rules_and_kinds_narrow_everything_else()
    {
        Assert.False(Matcher.Matches(Filter(rules: [AlertRules.ClassChange]), Alert("air1", rule: AlertRules.Jump)));
        Assert.True(Matcher.Matches(Filter(rules: [AlertRules.ClassChange, AlertRules.Jump]), Alert("air1")));
        Assert.False(Matcher.Matches(Filter(kinds: [SubscriptionKind.Score]), Alert("air1")));
    }

    [Fact]
    public void A_topic_match_is_sent_for_its_topic_industry_or_issuer()
    {
        var match = new TopicMatch("d1", DateTimeOffset.UnixEpoch, ["sanctions"], ["banks"], ["bank1"]);
        Assert.True(Matcher.Matches(Filter(topics: ["sanctions"]), match));
        Assert.True(Matcher.Matches(Filter(industries: ["banks"]), match));
        Assert.True(Matcher.Matches(Filter(issuers: ["bank1"]), match));
        Assert.False(Matcher.Matches(Filter(topics: ["oil_price"]), match));
        Assert.False(Matcher.Matches(Filter(topics: ["sanctions"], kinds: [SubscriptionKind.Alert]), match));
    }

    [Fact]
    public void Validation_names_every_wrong_field_at_once()
    {
        var problems = SubscriptionValidation.Problems("", Filter(issuers: ["air1", "ghost"], topics: ["weather"], rules: ["index_drop"], severity: "loud"),
            new Uri("http://example.com/hook"), Reference);

        Assert.Equal(["name", "issuers", "topics", "rules", "min_severity", "webhook_url"], problems.Select(p => p.Field));
        Assert.Contains("'ghost'", problems[1].Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("air1", problems[1].Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://hooks.example.com/risk", true)]
    [InlineData("http://127.0.0.1:9000/hook", true)]
    [InlineData("http://localhost/hook", true)]
    [InlineData("http://example.com/hook", false)]
    [InlineData("https://user:pass@example.com/hook", false)]
    [InlineData("ftp://example.com/hook", false)]
    public void Webhooks_go_over_https_or_to_this_machine(string url, bool expected) =>
        Assert.Equal(expected, SubscriptionValidation.IsDeliverable(new Uri(url)));
}
