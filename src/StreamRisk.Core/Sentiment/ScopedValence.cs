using StreamRisk.Core.Events;

namespace StreamRisk.Core.Sentiment;

/// <summary>
/// One text analysed once for every issuer it names: its clauses, which issuers each clause names, where a clause
/// that names none borrows its subject from, and each scored word's polarity after negation, intensifiers and
/// multi-word terms. Scoring an issuer then only weights clauses. A scratch object: reused per thread, not shared.
/// </summary>
internal sealed class ScopedValence
{
    private TextToken[] _tokens = new TextToken[256];
    private WordInfo[] _info = new WordInfo[256];
    private int[] _tokenIssuer = new int[256];
    private int[] _tokenClause = new int[256];
    private int _tokenCount;

    private IssuerMention[] _mentions = new IssuerMention[16];
    private int _mentionCount;
    private string[] _issuers = new string[8];
    private int _issuerCount;

    private int[] _clauseSentence = new int[64];
    private int[] _clauseIssuerStart = new int[64];
    private int[] _clauseIssuerCount = new int[64];
    private int[] _clauseCarrySource = new int[64];
    private double[] _clauseCarryWeight = new double[64];
    private double[] _clauseWeight = new double[64];
    private int[] _clauseIssuers = new int[64];
    private int _clauseIssuerTotal;
    private int _clauseCount;
    private int _sentenceCount;

    private double[] _contribution = new double[128];
    private int[] _contributionClause = new int[128];
    private int _contributionCount;

    private string _text = "";

    public int SentenceCount => _sentenceCount;

    /// <summary>Analyses <paramref name="text"/>; <paramref name="mentions"/> are those of every issuer in it.</summary>
    public void Analyse(string text, ReadOnlySpan<IssuerMention> mentions, SentimentLexicon lexicon, LexiconSentimentOptions options)
    {
        Segment(text, mentions, lexicon, options);
        ScoreWords(lexicon, options);
    }

    /// <summary>The clause analysis of <see cref="Analyse"/> without scoring the words: enough for <see cref="ScopeOf"/>,
    /// not for the evidence.</summary>
    public void Segment(string text, ReadOnlySpan<IssuerMention> mentions, SentimentLexicon lexicon, LexiconSentimentOptions options)
    {
        _text = text;
        _tokenCount = SentimentTokenizer.Tokenize(text, ref _tokens);
        EnsureTokenCapacity(_tokenCount);
        CollectMentions(mentions, text.Length);
        MarkMentionTokens();
        LookUpWords(lexicon);
        SegmentClauses();
        AssignCarrySources(options);
        _contributionCount = 0;
    }

    /// <summary>Evidence about <paramref name="issuerId"/>: clauses naming it count fully, clauses naming only others not at all.</summary>
    public SentimentEvidence EvidenceFor(string issuerId)
    {
        var issuer = IssuerIndex(issuerId);
        var weights = _clauseWeight;
        for (var c = 0; c < _clauseCount; c++)
        {
            weights[c] = ClauseWeight(c, issuer);
        }

        return Sum(weights);
    }

    /// <summary>
    /// Appends to <paramref name="spans"/> the character spans of the clauses that speak of <paramref name="issuerId"/>
    /// (those <see cref="EvidenceFor"/> weights above zero), in text order, adjacent clauses joined into one span. A
    /// lead-in clause that ends on the issuer's name after at most <see cref="LeadInWords"/> other words ("Like A, B
    /// warned …", "As with A, …") says nothing of its own, so the clause after it is taken too. Nothing is appended
    /// for an issuer the text does not name.
    /// </summary>
    public void ScopeOf(string issuerId, List<(int Start, int End)> spans)
    {
        var issuer = IssuerIndex(issuerId);
        if (issuer < 0)
        {
            return;
        }

        var previous = -2;
        var takeNext = false;
        for (var c = 0; c < _clauseCount; c++)
        {
            var take = takeNext || ClauseWeight(c, issuer) > 0;
            takeNext = false;
            if (!take || !ClauseExtent(c, out var start, out var end, out var leadIn))
            {
                continue;
            }

            if (leadIn && ClauseNames(c, issuer) && c + 1 < _clauseCount && _clauseSentence[c + 1] == _clauseSentence[c])
            {
                takeNext = true;
            }

            if (previous == c - 1 && spans.Count > 0)
            {
                spans[^1] = (spans[^1].Start, end);
            }
            else
            {
                spans.Add((start, end));
            }

            previous = c;
        }
    }

    /// <summary>Words a lead-in clause may hold before the name ("Like", "As with", "Along with its rival").</summary>
    private const int LeadInWords = 3;

    /// <summary>The clause's character extent (its words), and whether it is a lead-in: 1 to <see cref="LeadInWords"/>
    /// plain words, all before a name that ends it.</summary>
    private bool ClauseExtent(int clause, out int start, out int end, out bool leadIn)
    {
        start = int.MaxValue;
        end = -1;
        var plainBeforeName = 0;
        var plainAfterName = 0;
        var named = false;
        for (var i = 0; i < _tokenCount; i++)
        {
            if (_tokenClause[i] != clause || _tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            start = Math.Min(start, _tokens[i].Start);
            end = Math.Max(end, _tokens[i].End);
            if (_tokenIssuer[i] >= 0)
            {
                named = true;
            }
            else if (named)
            {
                plainAfterName++;
            }
            else
            {
                plainBeforeName++;
            }
        }

        leadIn = named && plainAfterName == 0 && plainBeforeName is > 0 and <= LeadInWords;
        return end > start;
    }

    /// <summary>Evidence of the whole text, every clause weighted 1.</summary>
    public SentimentEvidence EvidenceOfText()
    {
        Array.Fill(_clauseWeight, 1.0, 0, _clauseCount);
        return Sum(_clauseWeight);
    }

    /// <summary>Per-sentence evidence (every clause weighted 1) into <paramref name="positive"/>/<paramref name="negative"/>, indexed by sentence.</summary>
    public void EvidenceBySentence(Span<double> positive, Span<double> negative)
    {
        positive.Clear();
        negative.Clear();
        for (var k = 0; k < _contributionCount; k++)
        {
            var sentence = _clauseSentence[_contributionClause[k]];
            var v = _contribution[k];
            if (v > 0)
            {
                positive[sentence] += v;
            }
            else
            {
                negative[sentence] -= v;
            }
        }
    }

    private SentimentEvidence Sum(double[] clauseWeight)
    {
        double positive = 0, negative = 0;
        for (var k = 0; k < _contributionCount; k++)
        {
            var v = _contribution[k] * clauseWeight[_contributionClause[k]];
            if (v > 0)
            {
                positive += v;
            }
            else
            {
                negative -= v;
            }
        }

        return new SentimentEvidence(positive, negative);
    }

    private double ClauseWeight(int clause, int issuer)
    {
        if (_mentionCount == 0)
        {
            // A text that names nobody is about whoever asks (the caller chose the issuer some other way).
            return 1.0;
        }

        if (_clauseIssuerCount[clause] > 0)
        {
            return ClauseNames(clause, issuer) ? 1.0 : 0.0;
        }

        var source = _clauseCarrySource[clause];
        return source >= 0 && ClauseNames(source, issuer) ? _clauseCarryWeight[clause] : 0.0;
    }

    private bool ClauseNames(int clause, int issuer)
    {
        if (issuer < 0)
        {
            return false;
        }

        var start = _clauseIssuerStart[clause];
        var end = start + _clauseIssuerCount[clause];
        for (var k = start; k < end; k++)
        {
            if (_clauseIssuers[k] == issuer)
            {
                return true;
            }
        }

        return false;
    }

    private int IssuerIndex(string issuerId)
    {
        for (var k = 0; k < _issuerCount; k++)
        {
            if (string.Equals(_issuers[k], issuerId, StringComparison.Ordinal))
            {
                return k;
            }
        }

        return -1;
    }

    private void CollectMentions(ReadOnlySpan<IssuerMention> mentions, int textLength)
    {
        _mentionCount = 0;
        _issuerCount = 0;
        foreach (var mention in mentions)
        {
            if (mention.Start < 0 || mention.End > textLength || mention.End <= mention.Start)
            {
                continue;
            }

            if (_mentionCount == _mentions.Length)
            {
                Array.Resize(ref _mentions, _mentions.Length * 2);
            }

            // Insertion sort by start: a document names few issuers, and the input is usually in text order already.
            var k = _mentionCount++;
            while (k > 0 && _mentions[k - 1].Start > mention.Start)
            {
                _mentions[k] = _mentions[k - 1];
                k--;
            }

            _mentions[k] = mention;
            if (IssuerIndex(mention.IssuerId) < 0)
            {
                if (_issuerCount == _issuers.Length)
                {
                    Array.Resize(ref _issuers, _issuers.Length * 2);
                }

                _issuers[_issuerCount++] = mention.IssuerId;
            }
        }
    }

    private void MarkMentionTokens()
    {
        var m = 0;
        for (var i = 0; i < _tokenCount; i++)
        {
            var token = _tokens[i];
            _tokenIssuer[i] = -1;
            while (m < _mentionCount && _mentions[m].End <= token.Start)
            {
                m++;
            }

            if (token.Kind == TokenKind.Word && m < _mentionCount && _mentions[m].Start < token.End)
            {
                _tokenIssuer[i] = IssuerIndex(_mentions[m].IssuerId);
            }
        }
    }

    private void LookUpWords(SentimentLexicon lexicon)
    {
        var text = _text.AsSpan();
        for (var i = 0; i < _tokenCount; i++)
        {
            var token = _tokens[i];
            _info[i] = token.Kind == TokenKind.Word && _tokenIssuer[i] < 0 ? lexicon.Lookup(text.Slice(token.Start, token.Length)) : default;
        }
    }

    private void SegmentClauses()
    {
        _clauseCount = 0;
        _sentenceCount = 0;
        _clauseIssuerTotal = 0;
        var hasPlainWord = false;
        var sentenceHasWord = false;
        OpenClause();
        for (var i = 0; i < _tokenCount; i++)
        {
            var token = _tokens[i];
            _tokenClause[i] = _clauseCount - 1;
            if (token.Kind == TokenKind.SentenceBreak)
            {
                if (sentenceHasWord)
                {
                    _sentenceCount++;
                    OpenClause();
                }

                hasPlainWord = false;
                sentenceHasWord = false;
                continue;
            }

            if (token.Kind == TokenKind.ClauseBreak)
            {
                // A clause of names only ("A, B and C fell") is a list: it shares the next clause's words.
                if (hasPlainWord)
                {
                    OpenClause();
                    hasPlainWord = false;
                }

                continue;
            }

            sentenceHasWord = true;
            var issuer = _tokenIssuer[i];
            if (issuer >= 0)
            {
                AddIssuerToClause(issuer);
                continue;
            }

            var info = _info[i];
            if (info.Has(WordRole.ClauseConnective) || (info.Has(WordRole.ConditionalConnective) && hasPlainWord && IssuerNamedBeforeBoundary(i + 1)))
            {
                if (hasPlainWord)
                {
                    OpenClause();
                    hasPlainWord = false;
                }

                _tokenClause[i] = _clauseCount - 1;
                continue;
            }

            hasPlainWord = true;
        }

        if (!sentenceHasWord && _clauseCount > 1)
        {
            // The text ended on a boundary: drop the empty clause opened after it.
            _clauseCount--;
        }
        else if (sentenceHasWord)
        {
            _sentenceCount++;
        }

        _sentenceCount = Math.Max(_sentenceCount, 1);
    }

    private bool IssuerNamedBeforeBoundary(int from)
    {
        for (var i = from; i < _tokenCount && _tokens[i].Kind == TokenKind.Word; i++)
        {
            if (_tokenIssuer[i] >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private void OpenClause()
    {
        var c = _clauseCount++;
        if (c == _clauseSentence.Length)
        {
            var size = c * 2;
            Array.Resize(ref _clauseSentence, size);
            Array.Resize(ref _clauseIssuerStart, size);
            Array.Resize(ref _clauseIssuerCount, size);
            Array.Resize(ref _clauseCarrySource, size);
            Array.Resize(ref _clauseCarryWeight, size);
            Array.Resize(ref _clauseWeight, size);
        }

        _clauseSentence[c] = _sentenceCount;
        _clauseIssuerStart[c] = _clauseIssuerTotal;
        _clauseIssuerCount[c] = 0;
    }

    private void AddIssuerToClause(int issuer)
    {
        var c = _clauseCount - 1;
        if (ClauseNames(c, issuer))
        {
            return;
        }

        if (_clauseIssuerTotal == _clauseIssuers.Length)
        {
            Array.Resize(ref _clauseIssuers, _clauseIssuers.Length * 2);
        }

        _clauseIssuers[_clauseIssuerTotal++] = issuer;
        _clauseIssuerCount[c]++;
    }

    private void AssignCarrySources(LexiconSentimentOptions options)
    {
        var firstNamed = -1;
        for (var c = 0; c < _clauseCount && firstNamed < 0; c++)
        {
            if (_clauseIssuerCount[c] > 0)
            {
                firstNamed = c;
            }
        }

        var lastNamed = -1;
        for (var c = 0; c < _clauseCount; c++)
        {
            if (_clauseIssuerCount[c] > 0)
            {
                lastNamed = c;
                _clauseCarrySource[c] = -1;
                _clauseCarryWeight[c] = 0;
            }
            else if (lastNamed >= 0)
            {
                // "A rose 11 %, helped by cost cuts": the unnamed clause speaks of the issuer named before it.
                _clauseCarrySource[c] = lastNamed;
                _clauseCarryWeight[c] = _clauseSentence[lastNamed] == _clauseSentence[c]
                    ? options.SameSentenceCarryWeight
                    : options.OtherSentenceCarryWeight;
            }
            else
            {
                // Text before the first name (a headline without it) is about whoever is named first.
                _clauseCarrySource[c] = firstNamed;
                _clauseCarryWeight[c] = options.OtherSentenceCarryWeight;
            }
        }
    }

    private void ScoreWords(SentimentLexicon lexicon, LexiconSentimentOptions options)
    {
        _contributionCount = 0;
        var text = _text.AsSpan();
        var negationLeft = 0;
        var negationFallback = 0.0;
        var negationClause = 0;
        var negated = false;
        var failure = false;
        var intensityLeft = 0;
        var intensity = 1.0;
        var lastScored = -1;
        var lastScoredWord = int.MinValue / 2;
        var lastIntensified = false;
        var word = 0;
        var currentClause = -1;
        var i = 0;
        while (i < _tokenCount)
        {
            var token = _tokens[i];
            if (token.Kind != TokenKind.Word)
            {
                FlushNegation();
                intensityLeft = 0;
                lastScored = -1;
                i++;
                continue;
            }

            var clause = _tokenClause[i];
            if (clause != currentClause)
            {
                // Negation and intensity do not reach across a clause boundary ("not X, but Y rose").
                FlushNegation();
                intensityLeft = 0;
                lastScored = -1;
                currentClause = clause;
            }

            var span = 1;
            var info = _info[i];
            double score = info.Score;
            var roles = info.Roles;
            if (info.Has(WordRole.PhraseStart) && MatchPhrase(lexicon, text, i, info.PhraseGroup) is var (phraseLength, phrase) && phraseLength > 0)
            {
                span = phraseLength;
                score = phrase!.Score;
                roles = phrase.Roles;
            }

            if ((roles & WordRole.Negator) != 0)
            {
                FlushNegation();
                negationLeft = options.NegationWindow;
                failure = (roles & WordRole.Failure) != 0;
                if (failure)
                {
                    AddContribution(score, clause);
                }
                else
                {
                    negationFallback = score;
                    negationClause = clause;
                }

                negated = false;
            }
            else if ((roles & WordRole.Intensifier) != 0)
            {
                if (lastScored >= 0 && !lastIntensified && word - lastScoredWord <= options.IntensifierWindow)
                {
                    _contribution[lastScored] *= info.Intensity;
                    lastIntensified = true;
                }
                else
                {
                    intensity = info.Intensity;
                    intensityLeft = options.IntensifierWindow;
                }
            }
            else if (score != 0 && (roles & (WordRole.ClauseConnective | WordRole.ConditionalConnective)) == 0)
            {
                var value = score;
                lastIntensified = false;
                if (intensityLeft > 0)
                {
                    value *= intensity;
                    intensityLeft = 0;
                    lastIntensified = true;
                }

                if (negationLeft > 0 && !(failure && value < 0))
                {
                    value *= options.NegationFactor;
                    negated = true;
                }

                lastScored = AddContribution(value, clause);
                lastScoredWord = word + span - 1;
            }

            if ((roles & WordRole.Negator) == 0)
            {
                negationLeft -= span;
                if (negationLeft <= 0)
                {
                    FlushNegation();
                }
            }

            intensityLeft -= (roles & WordRole.Intensifier) == 0 ? span : 0;
            word += span;
            i += span;
        }

        FlushNegation();

        void FlushNegation()
        {
            if (negationFallback != 0 && !negated)
            {
                // "X failed to." negates nothing, but failing is still bad news.
                AddContribution(negationFallback, negationClause);
            }

            negationLeft = 0;
            negationFallback = 0;
            negated = false;
            failure = false;
        }
    }

    private (int Length, LexiconPhrase? Phrase) MatchPhrase(SentimentLexicon lexicon, ReadOnlySpan<char> text, int first, int group)
    {
        foreach (var index in lexicon.PhraseGroup(group))
        {
            var phrase = lexicon.Phrase(index);
            var words = phrase.Words;
            if (first + words.Length > _tokenCount)
            {
                continue;
            }

            var matched = true;
            for (var k = 1; k < words.Length && matched; k++)
            {
                var token = _tokens[first + k];
                matched = token.Kind == TokenKind.Word && _tokenIssuer[first + k] < 0
                    && text.Slice(token.Start, token.Length).Equals(words[k], StringComparison.OrdinalIgnoreCase);
            }

            if (matched)
            {
                return (words.Length, phrase);
            }
        }

        return (0, null);
    }

    private int AddContribution(double value, int clause)
    {
        if (_contributionCount == _contribution.Length)
        {
            Array.Resize(ref _contribution, _contribution.Length * 2);
            Array.Resize(ref _contributionClause, _contributionClause.Length * 2);
        }

        _contribution[_contributionCount] = value;
        _contributionClause[_contributionCount] = clause;
        return _contributionCount++;
    }

    private void EnsureTokenCapacity(int count)
    {
        if (_info.Length < count)
        {
            var size = Math.Max(count, _info.Length * 2);
            _info = new WordInfo[size];
            _tokenIssuer = new int[size];
            _tokenClause = new int[size];
        }
    }
}
