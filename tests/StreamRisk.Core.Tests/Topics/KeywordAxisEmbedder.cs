using StreamRisk.Core.Topics;

namespace StreamRisk.Core.Tests.Topics;

/// <summary>
/// Test embedder with known geometry: one axis per keyword, a text's vector counts its keywords, so the cosine
/// between a text and a topic can be computed by hand.
/// </summary>
internal sealed class KeywordAxisEmbedder(params string[] keywords) : ITextEmbedder
{
    public string ModelId => "keyword-axis/test";

    public int Dimension => keywords.Length;

    public float[] Embed(string text)
    {
        var vector = new float[keywords.Length];
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var axis = Array.IndexOf(keywords, word);
            if (axis >= 0)
            {
                vector[axis]++;
            }
        }

        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return norm == 0 ? vector : vector.Select(x => x / norm).ToArray();
    }
}
