using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Nlp.Sentiment;
using StreamRisk.Nlp.Tokenization;

namespace StreamRisk.Nlp.Tests.Sentiment;

public class MentionPooling_Pool
{
    [Property]
    public bool Features_are_cls_then_mean_then_max_of_the_mention_positions(NormalFloat[] values, PositiveInt from, PositiveInt span)
    {
        const int hidden = 4;
        var positions = Math.Max(2, (values?.Length ?? 0) / hidden);
        var states = new float[positions * hidden];
        for (var i = 0; i < states.Length; i++) states[i] = values is { Length: > 0 } ? (float)(values[i % values.Length].Get % 100) : i;
        var first = 1 + from.Get % (positions - 1);
        var end = Math.Min(positions, first + span.Get % 3 + 1);
        var features = new float[3 * hidden];

        MentionPooling.Pool(states, hidden, [new TokenRange(first, end)], features);

        for (var h = 0; h < hidden; h++)
        {
            var column = Enumerable.Range(first, end - first).Select(p => states[p * hidden + h]).ToArray();
            if (features[h] != states[h]) return false;
            if (Math.Abs(features[hidden + h] - column.Average()) > 1e-3) return false;
            if (features[2 * hidden + h] != column.Max()) return false;
        }
        return true;
    }

    [Fact]
    public void Overlapping_mentions_count_each_position_once()
    {
        float[] states = [0, 0, 2, 2, 4, 4];
        var features = new float[6];

        MentionPooling.Pool(states, 2, [new TokenRange(1, 3), new TokenRange(2, 3)], features);

        Assert.Equal([0f, 0f, 3f, 3f, 4f, 4f], features);
    }
}
