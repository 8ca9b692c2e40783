using System.Text;
using StreamRisk.Core.IndustryText;

namespace StreamRisk.Nlp.Llm;

/// <summary>
/// Renders chat messages as ChatML, the template of Qwen2.5-Instruct (MulFSA's model). The fixed messages render to a
/// prefix that ends at a message boundary, so tokenising prefix and question apart gives the same tokens a model sees
/// for the whole prompt.
/// </summary>
public static class ChatMlFormat
{
    public static string Prefix(IReadOnlyList<PromptMessage> fixedMessages)
    {
        var builder = new StringBuilder();
        foreach (var message in fixedMessages)
        {
            Append(builder, message);
        }
        return builder.ToString();
    }

    /// <summary>The question and the opening of the assistant's turn.</summary>
    public static string Question(PromptMessage question)
    {
        var builder = new StringBuilder();
        Append(builder, question);
        return builder.Append("<|im_start|>assistant\n").ToString();
    }

    private static void Append(StringBuilder builder, PromptMessage message) =>
        builder.Append("<|im_start|>").Append(message.Role).Append('\n').Append(message.Content).Append("<|im_end|>\n");
}
