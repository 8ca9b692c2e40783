using StreamRisk.Core.Access;

namespace StreamRisk.Core.Tests.Access;

public sealed class Team_Names
{
    [Theory]
    [InlineData("rates-desk")]
    [InlineData("a")]
    [InlineData("0team")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghij")]
    public void Short_lower_case_slugs_are_team_ids(string id) => Assert.Null(Team.ProblemWithId(id));

    [Theory]
    [InlineData("")]
    [InlineData("-desk")]
    [InlineData("Rates")]
    [InlineData("rates desk")]
    [InlineData("rates_desk")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijx")]
    [InlineData("désk")]
    public void Anything_else_is_refused_with_the_rule(string id) =>
        Assert.Contains("a–z, 0–9 and '-'", Team.ProblemWithId(id), StringComparison.Ordinal);

    [Theory]
    [InlineData("", "needs a name")]
    [InlineData("   ", "needs a name")]
    [InlineData("bell\a", "control characters")]
    public void A_bad_name_says_why(string name, string expected) =>
        Assert.Contains(expected, Team.ProblemWithName(name), StringComparison.Ordinal);

    [Fact]
    public void A_long_name_is_refused_with_the_limit() =>
        Assert.Contains("200", Team.ProblemWithName(new string('x', 201)), StringComparison.Ordinal);
}
