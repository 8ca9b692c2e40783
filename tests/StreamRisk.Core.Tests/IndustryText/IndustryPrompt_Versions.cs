using StreamRisk.Core.IndustryText;

namespace StreamRisk.Core.Tests.IndustryText;

public class IndustryPrompt_Versions
{
    [Fact]
    public void Each_language_has_its_own_version_and_the_fixed_part_does_not_depend_on_the_text()
    {
        var english = new IndustryPrompt(PromptLanguage.English);
        var chinese = new IndustryPrompt(PromptLanguage.Chinese);
        Assert.Equal("industry-en/1", english.Version);
        Assert.Equal("industry-zh/1", chinese.Version);

        var a = english.Render(new IndustryTextRequest("Oil rose.", [new TopicCandidate("we_oil_price_rise", "Crude oil price rise", "Oil prices climb.", 0.7)]));
        var b = english.Render(new IndustryTextRequest("Rates fell.", []));
        Assert.Same(a.Fixed, b.Fixed);
        Assert.Contains("we_oil_price_rise: Crude oil price rise. Oil prices climb.", a.Question.Content);
        Assert.EndsWith("Text: Oil rose.", a.Question.Content);
        Assert.EndsWith("文本: 油价上涨。", chinese.Render(new IndustryTextRequest("油价上涨。", [])).Question.Content);
    }

    [Fact]
    public void Every_few_shot_answer_is_itself_a_valid_answer()
    {
        var ids = new HashSet<string>(["ep_rate_hike", "df_spread_widening", "we_oil_price_rise", "we_opec_output_restraint", "sd_tourism_boom", "df_developer_distress", "ep_property_curbs"], StringComparer.Ordinal);
        var parser = new AnswerParser(ids);
        foreach (var prompt in new[] { new IndustryPrompt(PromptLanguage.English), new IndustryPrompt(PromptLanguage.Chinese) })
        {
            var answers = prompt.Fixed.Where(m => m.Role == "assistant").ToList();
            Assert.Equal(3, answers.Count);
            Assert.All(answers, m => Assert.True(parser.TryParse(m.Content, out var problem) is not null, problem));
        }
    }
}
