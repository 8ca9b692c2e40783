using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Tests.Reference;

/// <summary>issuer_relations.csv: what loads, and each broken row named by line and column.</summary>
public sealed class IssuerRelationTable_Validation
{
    private static readonly Issuer[] Issuers = [new("a", "A Co", [], [], ["banks"]), new("b", "B Co", [], [], ["banks"])];

    private static IReadOnlyList<IssuerRelation> Parse(string body) =>
        IssuerRelationTable.Parse(new ReferenceFile("issuer_relations.csv", "from_issuer_id,to_issuer_id,kind,weight\n" + body), Issuers);

    [Fact]
    public void Rows_load_with_their_kind_and_weight()
    {
        Assert.Equal([new IssuerRelation("a", "b", IssuerRelationKind.Supplier, 0.4), new IssuerRelation("b", "a", IssuerRelationKind.Guarantor, 1)],
            Parse("a,b,supplier,0.4\nb,a,guarantor,1\n"));
    }

    [Theory]
    [InlineData("a,c,supplier,0.4", "to_issuer_id", "unknown issuer 'c'")]
    [InlineData("a,a,parent,0.4", "to_issuer_id", "related to itself")]
    [InlineData("a,b,cousin,0.4", "kind", "unknown kind 'cousin'")]
    [InlineData("a,b,parent,0", "weight", "outside (0, 1]")]
    [InlineData("a,b,parent,1.2", "weight", "outside (0, 1]")]
    [InlineData("a,b,parent,x", "weight", "is not a number")]
    [InlineData("a,b,parent,0.5\na,b,parent,0.6", "kind", "already on line 2")]
    public void A_broken_row_is_named_by_line_and_column(string body, string column, string problem)
    {
        var error = Assert.Throws<ReferenceDataException>(() => Parse(body));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains(column, error.Message, StringComparison.Ordinal);
        Assert.Contains("issuer_relations.csv", error.Message, StringComparison.Ordinal);
    }
}
