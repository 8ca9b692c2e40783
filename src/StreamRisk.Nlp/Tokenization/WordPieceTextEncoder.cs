using System.Globalization;
using Microsoft.ML.Tokenizers;

namespace StreamRisk.Nlp.Tokenization;

/// <summary>BERT WordPiece tokenisation (Microsoft.ML.Tokenizers' BertTokenizer) that keeps original character offsets.</summary>
public sealed class WordPieceTextEncoder
{
    private readonly BertTokenizer _tokenizer;
    private readonly BertTextNormalizer _normalizer;
    private const int MaxCachedWords = 200_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WordPiece[]> _cache = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WordPiece[]>.AlternateLookup<ReadOnlySpan<char>> _cacheLookup;

    private WordPieceTextEncoder(BertTokenizer tokenizer, BertTextNormalizer normalizer)
    {
        _tokenizer = tokenizer;
        _normalizer = normalizer;
        _cacheLookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int ClassificationId => _tokenizer.ClassificationTokenId;
    public int SeparatorId => _tokenizer.SeparatorTokenId;
    public int PaddingId => _tokenizer.PaddingTokenId;

    /// <summary>The id of a vocabulary entry taken whole (such as a reserved "[unused1]"), or null when the vocabulary
    /// does not hold it.</summary>
    public int? TokenId(string token)
    {
        var tokens = _tokenizer.EncodeToTokens(token, out _, considerPreTokenization: false, considerNormalization: false);
        return tokens.Count == 1 && tokens[0].Value == token && tokens[0].Id != _tokenizer.UnknownTokenId ? tokens[0].Id : null;
    }

    public static WordPieceTextEncoder FromVocabulary(string vocabPath, bool lowerCase, bool stripAccents, bool tokenizeChineseChars)
    {
        // Normalisation and word splitting are ours (offsets, BERT's exact rules); the library runs WordPiece.
        var options = new BertOptions
        {
            LowerCaseBeforeTokenization = false,
            ApplyBasicTokenization = true,
            IndividuallyTokenizeCjk = false,
            RemoveNonSpacingMarks = false,
        };
        return new WordPieceTextEncoder(BertTokenizer.Create(vocabPath, options),
            new BertTextNormalizer(lowerCase, stripAccents, tokenizeChineseChars));
    }

    public TokenizedText Encode(string text)
    {
        var normalized = _normalizer.Normalize(text);
        var chars = normalized.Text;
        var ids = new List<int>(chars.Length / 4 + 4);
        var starts = new List<int>(ids.Capacity);
        var ends = new List<int>(ids.Capacity);
        var continuation = new List<bool>(ids.Capacity);
        // Words split as BERT's basic tokenizer does (whitespace, then every punctuation character alone); the
        // library's own pre-tokenizer drops symbols (emoji, '=', '½') that BERT keeps as [UNK] or as tokens.
        var i = 0;
        while (i < chars.Length)
        {
            if (chars[i] == ' ')
            {
                i++;
                continue;
            }
            var end = i + 1;
            if (!IsPunctuation(chars, i))
                while (end < chars.Length && chars[end] != ' ' && !IsPunctuation(chars, end)) end++;
            else if (char.IsHighSurrogate(chars[i]) && end < chars.Length) end++;
            foreach (var piece in Pieces(chars.AsSpan(i, end - i)))
            {
                ids.Add(piece.Id);
                starts.Add(normalized.SourceStart(i + piece.Offset));
                ends.Add(normalized.SourceEnd(i + piece.Offset + Math.Max(piece.Length, 1) - 1));
                continuation.Add(piece.IsContinuation);
            }
            i = end;
        }
        return new TokenizedText(ids.ToArray(), starts.ToArray(), ends.ToArray(), continuation.ToArray());
    }

    private WordPiece[] Pieces(ReadOnlySpan<char> word)
    {
        if (_cacheLookup.TryGetValue(word, out var cached)) return cached;
        var tokens = _tokenizer.EncodeToTokens(word, out _, considerPreTokenization: false, considerNormalization: false);
        var pieces = new WordPiece[tokens.Count];
        for (var t = 0; t < pieces.Length; t++)
        {
            var (offset, length) = tokens[t].Offset.GetOffsetAndLength(word.Length);
            pieces[t] = new WordPiece(tokens[t].Id, offset, length, tokens[t].Value.StartsWith("##", StringComparison.Ordinal));
        }
        // News vocabulary repeats heavily; the bound keeps adversarial input (random strings) from growing it forever.
        if (_cache.Count < MaxCachedWords) _cacheLookup.TryAdd(word, pieces);
        return pieces;
    }

    /// <summary>BERT's definition: every ASCII non-alphanumeric symbol, and Unicode punctuation (P*).</summary>
    private static bool IsPunctuation(string s, int i)
    {
        var c = s[i];
        if (c < 128) return c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';
        return CharUnicodeInfo.GetUnicodeCategory(s, i) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }
}
