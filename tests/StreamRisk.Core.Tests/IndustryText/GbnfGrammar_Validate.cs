using StreamRisk.Core.IndustryText;

namespace StreamRisk.Core.Tests.IndustryText;

public class GbnfGrammar_Validate
{
    [Theory]
    [InlineData("root ::= \"a\" | \"b\"\n")]
    [InlineData("root ::= item{0,3} (\",\" item)?\nitem ::= [a-z0-9_] | [^\"\\\\\\x00-\\x1F]\n")]
    [InlineData("# comment\nroot ::= (\n  \"x\"\n  | \"y\"\n)+ ws\nws ::= [ \\t\\n]*\n")]
    [InlineData("root ::= \"\\u00e9\" . \"\\\"\"\n")]
    public void Well_formed_grammars_pass(string gbnf) => GbnfGrammar.Validate(gbnf);

    [Theory]
    [InlineData("item ::= \"a\"\n", "no root")]
    [InlineData("root ::= item\n", "never defined")]
    [InlineData("root ::= \"a\n", "unterminated string")]
    [InlineData("root ::= [a-z\n", "unterminated character class")]
    [InlineData("root ::= \"\\q\"\n", "unknown escape")]
    [InlineData("root ::= (\"a\"\n", "expected ')'")]
    [InlineData("root ::= \"a\"{3,1}\n", "maximum below")]
    [InlineData("root ::= \"a\"\nroot ::= \"b\"\n", "defined twice")]
    [InlineData("root ::= \"a\" x ::= \"b\"\n", "new line")]
    [InlineData("root = \"a\"\n", "'::='")]
    [InlineData("", "empty")]
    public void Malformed_grammars_are_refused_with_the_reason(string gbnf, string reason)
    {
        var error = Assert.Throws<GbnfGrammarException>(() => GbnfGrammar.Validate(gbnf));
        Assert.Contains(reason, error.Message);
    }
}
