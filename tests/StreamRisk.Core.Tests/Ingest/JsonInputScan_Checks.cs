using System.Text;
using StreamRisk.Core.Ingest;

namespace StreamRisk.Core.Tests.Ingest;

public class JsonInputScan_Checks
{
    [Theory]
    [InlineData("""{"a":"x","b":[1,{"c":"\ud83d\ude00"}]}""")]
    [InlineData("""{"a":{"k":1},"b":{"k":1}}""")]
    [InlineData("""[{"k":1},{"k":2}]""")]
    [InlineData("1e308")]
    public void Passes_well_formed_json(string json) => Assert.Null(JsonInputScan.Check(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"a":"\ud800"}""", Rejection.InvalidUnicode, "the string at /a holds")]
    [InlineData("""{"a":["x","\udc00"]}""", Rejection.InvalidUnicode, "the string at /a/1 holds")]
    [InlineData("""{"a/b":{"c~":"\udc00\ud800"}}""", Rejection.InvalidUnicode, "the string at /a~1b/c~0 holds")]
    [InlineData("""{"x":{"\ud800":1}}""", Rejection.InvalidUnicode, "a key in the object at /x holds")]
    [InlineData("""{"a":1,"a":1}""", Rejection.SchemaViolation, "duplicate key 'a' in the top-level object")]
    [InlineData("""{"a":1,"\u0061":2}""", Rejection.SchemaViolation, "duplicate key 'a' in the top-level object")]
    [InlineData("""[0,{"b":{"k":1,"k":2}}]""", Rejection.SchemaViolation, "duplicate key 'k' in the object at /1/b")]
    [InlineData("""{"n":[1,2,-1e309]}""", Rejection.SchemaViolation, "the number at /n/2 is beyond the range")]
    [InlineData("""{"a":1""", Rejection.MalformedJson, "malformed JSON")]
    [InlineData("""{"a":NaN}""", Rejection.MalformedJson, "malformed JSON")]
    [InlineData("""{} {}""", Rejection.MalformedJson, "malformed JSON")]
    public void Refuses_with_the_place(string json, string code, string reason)
    {
        var rejection = JsonInputScan.Check(Encoding.UTF8.GetBytes(json));
        Assert.Equal(code, rejection?.Code);
        Assert.StartsWith(reason, rejection!.Reason);
    }

    [Fact]
    public void Refuses_nesting_deeper_than_its_limit_but_not_at_it()
    {
        static byte[] Nested(int depth) => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
        Assert.Null(JsonInputScan.Check(Nested(JsonInputScan.MaxDepth)));
        Assert.Equal(Rejection.MalformedJson, JsonInputScan.Check(Nested(JsonInputScan.MaxDepth + 1))?.Code);
    }
}
