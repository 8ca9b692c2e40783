using System.Globalization;
using System.Text;

namespace StreamRisk.Core.Topics;

/// <summary>
/// Built-in text embedding that needs no downloaded weights: hashed word unigrams, word bigrams and character
/// 3–5-grams of each word (with boundary markers, so "oil" and "oils" share grams), sublinear term frequency
/// ln(1 + tf), smoothed IDF learned from the corpus given at construction (the topic definitions), L2-normalised.
/// Text is lower-cased and accent-folded; CJK runs, which have no spaces, are cut into character 1–3-grams.
/// Immutable after construction and safe to share between threads.
/// </summary>
public sealed class HashedTfIdfEmbedder : ITextEmbedder
{
    private const ulong WordSeed = 0x57;
    private const ulong BigramSeed = 0xB1;
    private const ulong CharSeed = 0xC3;

    private readonly HashedTfIdfOptions _options;
    private readonly float[] _idf;

    /// <param name="corpus">Documents that set the IDF; buckets unseen in it get the highest IDF.</param>
    public HashedTfIdfEmbedder(IEnumerable<string> corpus, HashedTfIdfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        _options = options ?? HashedTfIdfOptions.Default;
        if (_options.Dimension < 16)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Dimension, "dimension must be at least 16");
        }

        if (_options.MinCharNgram < 1 || _options.MaxCharNgram < _options.MinCharNgram)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "character n-gram range must satisfy 1 <= min <= max");
        }

        _idf = LearnIdf(corpus);
        ModelId = $"hashed-tfidf/1-d{_options.Dimension}";
    }

    public string ModelId { get; }

    public int Dimension => _options.Dimension;

    /// <summary>The vector of <paramref name="text"/>; all zeros when the text has no word at all.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = CountFeatures(text);
        double norm = 0;
        for (var k = 0; k < vector.Length; k++)
        {
            if (vector[k] != 0)
            {
                var weight = MathF.Log(1 + vector[k]) * _idf[k];
                vector[k] = weight;
                norm += (double)weight * weight;
            }
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var k = 0; k < vector.Length; k++)
            {
                vector[k] *= scale;
            }
        }

        return vector;
    }

    /// <summary>Lower-cases and strips diacritics (é -> e), so spelling variants share features.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private float[] LearnIdf(IEnumerable<string> corpus)
    {
        var documentFrequency = new int[_options.Dimension];
        var documents = 0;
        foreach (var document in corpus)
        {
            documents++;
            var counts = CountFeatures(document);
            for (var k = 0; k < counts.Length; k++)
            {
                if (counts[k] != 0)
                {
                    documentFrequency[k]++;
                }
            }
        }

        // Smoothed as if one extra document held every feature: never zero, never infinite.
        var idf = new float[_options.Dimension];
        for (var k = 0; k < idf.Length; k++)
        {
            idf[k] = (float)(Math.Log((1.0 + documents) / (1.0 + documentFrequency[k])) + 1.0);
        }

        return idf;
    }

    private float[] CountFeatures(string text)
    {
        var counts = new float[_options.Dimension];
        var folded = Fold(text);
        var previousWord = 0UL;
        var hasPrevious = false;
        var i = 0;
        Span<char> marked = stackalloc char[66];
        while (i < folded.Length)
        {
            var c = folded[i];
            if (!char.IsLetterOrDigit(c))
            {
                // Punctuation ends a phrase: no bigram across it. Spaces do not.
                if (!char.IsWhiteSpace(c))
                {
                    hasPrevious = false;
                }

                i++;
                continue;
            }

            var cjk = IsCjk(c);
            var start = i;
            while (i < folded.Length && char.IsLetterOrDigit(folded[i]) && IsCjk(folded[i]) == cjk)
            {
                i++;
            }

            var word = folded.AsSpan(start, i - start);
            var wordHash = FeatureHash.Hash(word, WordSeed);
            Add(counts, wordHash, _options.WordWeight);
            if (hasPrevious)
            {
                Add(counts, FeatureHash.Combine(previousWord, wordHash, BigramSeed), _options.BigramWeight);
            }

            previousWord = wordHash;
            hasPrevious = true;
            if (cjk)
            {
                AddCharNgrams(counts, word, 1, 3);
            }
            else if (word.Length + 2 <= marked.Length)
            {
                marked[0] = '<';
                word.CopyTo(marked[1..]);
                marked[word.Length + 1] = '>';
                AddCharNgrams(counts, marked[..(word.Length + 2)], _options.MinCharNgram, _options.MaxCharNgram);
            }
        }

        return counts;
    }

    private void AddCharNgrams(float[] counts, ReadOnlySpan<char> word, int minN, int maxN)
    {
        for (var n = minN; n <= maxN && n <= word.Length; n++)
        {
            for (var start = 0; start + n <= word.Length; start++)
            {
                Add(counts, FeatureHash.Hash(word.Slice(start, n), CharSeed + (ulong)n), _options.CharNgramWeight);
            }
        }
    }

    private static void Add(float[] counts, ulong hash, float weight) => counts[(int)(hash % (ulong)counts.Length)] += weight;

    private static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uAC00' and <= '\uD7AF';
}
