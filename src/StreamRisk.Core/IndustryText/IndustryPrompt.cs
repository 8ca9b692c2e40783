using System.Globalization;
using System.Text;

namespace StreamRisk.Core.IndustryText;

/// <summary>Language of the prompt: MulFSA reads Chinese news, the simulator and Reuters samples are English.</summary>
public enum PromptLanguage { English, Chinese }

/// <summary>A chat message of a rendered prompt (role: system, user or assistant).</summary>
public sealed record PromptMessage(string Role, string Content);

/// <summary>
/// The rendered prompt for one text: <see cref="Fixed"/> is identical for every text (instructions and few-shot
/// examples) so a local model evaluates it once and reuses its KV state; <see cref="Question"/> carries the candidate
/// topics' definitions (retrieval-augmented) and the text.
/// </summary>
public sealed record RenderedPrompt(IReadOnlyList<PromptMessage> Fixed, PromptMessage Question)
{
    public IReadOnlyList<PromptMessage> All => [.. Fixed, Question];
}

/// <summary>
/// Our own versioned prompt for industry-level reading (tone in {−1, 0, 1}, up to three topic ids from a closed list,
/// a one-sentence reason first, as MulFSA's few-shot prompts do). Any change to the wording is a new
/// <see cref="Version"/>, which travels on every event so scores from different prompts are never mixed unknowingly.
/// </summary>
public sealed class IndustryPrompt
{
    /// <summary>Bumped on every change of instructions or examples.</summary>
    public const int Revision = 1;

    public IndustryPrompt(PromptLanguage language = PromptLanguage.English)
    {
        Language = language;
        Version = string.Create(CultureInfo.InvariantCulture, $"industry-{(language == PromptLanguage.Chinese ? "zh" : "en")}/{Revision}");
        Fixed = language == PromptLanguage.Chinese ? ChineseFixed() : EnglishFixed();
    }

    public PromptLanguage Language { get; }

    /// <summary>e.g. <c>industry-en/1</c>.</summary>
    public string Version { get; }

    /// <summary>Instructions and few-shot examples: the same for every text.</summary>
    public IReadOnlyList<PromptMessage> Fixed { get; }

    /// <summary>The longest reason the answer may give (characters); the grammar and the JSON schema bound it too.</summary>
    public const int MaxReasonChars = 160;

    /// <summary>Longest part of a text put into the prompt (characters): a news text's lead carries its gist, and a
    /// bounded question keeps every prompt inside the model's context.</summary>
    public const int MaxTextChars = 2000;

    public RenderedPrompt Render(IndustryTextRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RenderedPrompt(Fixed, new PromptMessage("user", Question(request.Text, request.Candidates)));
    }

    private string Question(string text, IReadOnlyList<TopicCandidate> candidates)
    {
        var builder = new StringBuilder();
        builder.Append(Language == PromptLanguage.Chinese ? "候选主题:\n" : "Candidate topics:\n");
        foreach (var candidate in candidates)
        {
            builder.Append("- ").Append(candidate.TopicId).Append(": ").Append(candidate.Name).Append(". ")
                .Append(candidate.Definition).Append('\n');
        }
        var trimmed = text.Trim();
        builder.Append(Language == PromptLanguage.Chinese ? "文本: " : "Text: ")
            .Append(trimmed.Length <= MaxTextChars ? trimmed : trimmed[..MaxTextChars]);
        return builder.ToString();
    }

    private static PromptMessage[] EnglishFixed() =>
    [
        new("system",
            "You are a credit analyst. Read a news text that names no company and judge what it means for the credit " +
            "quality of the industries it concerns. Answer with one JSON object only: " +
            "{\"reason\": one short sentence, \"sentiment\": -1 (negative), 0 (neutral) or 1 (positive), " +
            "\"topics\": up to 3 topic ids from the candidate list that the text is really about}. " +
            "Give the reason first. Use only topic ids from the list; give [] when none fits."),
        new("user",
            "Candidate topics:\n- ep_rate_hike: Policy interest rate hike. The central bank raises its policy rate.\n" +
            "- df_spread_widening: Credit spread widening. Risk premia on corporate bonds rise.\n" +
            "Text: The Federal Reserve raised its benchmark rate by half a point and signalled further tightening."),
        new("assistant",
            "{\"reason\": \"Tighter money raises borrowing costs for indebted firms.\", \"sentiment\": -1, \"topics\": [\"ep_rate_hike\"]}"),
        new("user",
            "Candidate topics:\n- we_oil_price_rise: Crude oil price rise. Oil prices climb.\n" +
            "- we_opec_output_restraint: OPEC production restraint. OPEC members cut or cap output.\n" +
            "Text: OPEC ministers agreed to keep output ceilings and crude rose to an eight-month high."),
        new("assistant",
            "{\"reason\": \"Higher crude prices lift producers' cash flows.\", \"sentiment\": 1, \"topics\": [\"we_opec_output_restraint\", \"we_oil_price_rise\"]}"),
        new("user",
            "Candidate topics:\n- sd_tourism_boom: Tourism and travel boom. Travel demand rises.\n" +
            "Text: The city council published the timetable for next season's museum opening hours."),
        new("assistant",
            "{\"reason\": \"A routine notice with no credit relevance.\", \"sentiment\": 0, \"topics\": []}"),
    ];

    private static PromptMessage[] ChineseFixed() =>
    [
        new("system",
            "你是一名信用分析师。阅读一段不点名任何公司的新闻，判断它对相关行业信用质量的影响。只输出一个 JSON 对象：" +
            "{\"reason\": 一句简短的理由, \"sentiment\": -1（负面）、0（中性）或 1（正面）, " +
            "\"topics\": 最多 3 个来自候选列表、文本确实涉及的主题 id}。先给理由。只能使用列表中的主题 id；都不符合时给 []。"),
        new("user",
            "候选主题:\n- ep_rate_hike: Policy interest rate hike. 央行提高政策利率。\n" +
            "- df_spread_widening: Credit spread widening. 公司债信用利差扩大。\n" +
            "文本: 央行宣布上调基准利率 50 个基点，并暗示将继续收紧货币政策。"),
        new("assistant",
            "{\"reason\": \"货币收紧抬高了高负债企业的融资成本。\", \"sentiment\": -1, \"topics\": [\"ep_rate_hike\"]}"),
        new("user",
            "候选主题:\n- df_developer_distress: Property developer distress. 房地产开发商出现偿债困难。\n" +
            "- ep_property_curbs: Property market curbs. 政府出台楼市调控措施。\n" +
            "文本: 多家房企未能按期兑付美元债利息，销售额连续六个月下滑。"),
        new("assistant",
            "{\"reason\": \"房企违约和销售下滑削弱行业偿债能力。\", \"sentiment\": -1, \"topics\": [\"df_developer_distress\"]}"),
        new("user",
            "候选主题:\n- sd_tourism_boom: Tourism and travel boom. 旅游需求上升。\n" +
            "文本: 市博物馆公布了下季度的开放时间。"),
        new("assistant",
            "{\"reason\": \"例行通知，与信用无关。\", \"sentiment\": 0, \"topics\": []}"),
    ];
}
