using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StreamRisk.Core.Events;
using StreamRisk.Core.Simulation;
using StreamRisk.Core.Topics;
using StreamRisk.RiskModels.Data;

namespace StreamRisk.RiskModels.Default;

/// <summary>
/// EMDLOT's default-class examples (<see cref="DefaultExampleBuilder"/>) split by issuer and by time, never by row:
/// every issuer is hashed (stably, with <see cref="DefaultDatasetOptions.SplitSeed"/>) into the train, validation or
/// test issuers, and the origins are cut in time. Train holds train issuers' examples whose label window ends before
/// <see cref="ValidationStart"/>; validation, validation issuers' examples with the origin on or after it and the label
/// window ending before <see cref="TestStart"/>; test, test issuers' examples with the origin on or after
/// <see cref="TestStart"/>. So no example shares an issuer with another part, and no label reaches into a later part's
/// period. Examples that fit none (a train issuer's later origins, say) are left out.
/// </summary>
public sealed class DefaultDataset
{
    private DefaultDataset(DefaultMarket market, DefaultDatasetOptions options, ITextEmbedder embedder, IReadOnlyList<DefaultExample> all)
    {
        Options = options;
        MacroNames = market.Macro.Names;
        Features = [.. EmdlotIndicators.Names, .. market.Macro.Names];
        EmbedderId = embedder.ModelId;
        EmbeddingDimension = embedder.Dimension;
        StartDay = market.StartDay;
        EndDay = market.EndDay;

        var origins = DefaultExampleBuilder.Origins(market, options);
        if (origins.Count == 0) throw new ArgumentException($"the market ({market.StartDay:yyyy-MM-dd} to {market.EndDay:yyyy-MM-dd}) is too short for one labelled origin: "
            + $"gap {options.GapQuarters} + horizon {options.HorizonQuarters} quarters must fit after a quarter end");
        (ValidationStart, TestStart) = TimeCuts(origins, options);

        var train = new List<DefaultExample>();
        var validation = new List<DefaultExample>();
        var test = new List<DefaultExample>();
        var window = options.GapQuarters + options.HorizonQuarters;
        foreach (var example in all)
        {
            var windowEnd = QuarterCalendar.AddQuarters(example.Origin, window);
            switch (IssuerPart(example.IssuerId))
            {
                case SplitPart.Train when windowEnd < ValidationStart:
                    train.Add(example);
                    break;
                case SplitPart.Validation when example.Origin >= ValidationStart && windowEnd < TestStart:
                    validation.Add(example);
                    break;
                case SplitPart.Test when example.Origin >= TestStart:
                    test.Add(example);
                    break;
            }
        }
        All = all;
        Train = train;
        Validation = validation;
        Test = test;
    }

    /// <summary>The chapters of <see cref="DisclosedQuarter.Chapters"/>, in order.</summary>
    public static IReadOnlyList<string> Chapters => DisclosureChapters.Names;

    public DefaultDatasetOptions Options { get; }

    /// <summary>The macro indicators of <see cref="DisclosedQuarter.Macro"/>, in order (macro.csv's columns).</summary>
    public IReadOnlyList<string> MacroNames { get; }

    /// <summary>The 32 <see cref="EmdlotIndicators.Names"/> then <see cref="MacroNames"/>: a quarter's feature row.</summary>
    public IReadOnlyList<string> Features { get; }

    public string EmbedderId { get; }

    public int EmbeddingDimension { get; }

    public DateOnly StartDay { get; }

    public DateOnly EndDay { get; }

    /// <summary>First origin of validation; train label windows end before it.</summary>
    public DateOnly ValidationStart { get; }

    /// <summary>First origin of test; validation label windows end before it.</summary>
    public DateOnly TestStart { get; }

    /// <summary>Every example built, in or out of a part (by issuer, then origin).</summary>
    public IReadOnlyList<DefaultExample> All { get; }

    public IReadOnlyList<DefaultExample> Train { get; }

    public IReadOnlyList<DefaultExample> Validation { get; }

    public IReadOnlyList<DefaultExample> Test { get; }

    /// <summary>Reads a simulated market folder (<see cref="DefaultMarketFiles"/>) and builds the dataset.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed (the message names the file and line).</exception>
    /// <param name="embedder">The chapter embedder; default <see cref="DisclosureChapters.CreateEmbedder"/>, the one the
    /// score stage embeds live texts with.</param>
    public static DefaultDataset Load(string simulationDirectory, DefaultDatasetOptions? options = null, ITextEmbedder? embedder = null) =>
        Build(DefaultMarketFiles.Read(simulationDirectory), options, embedder);

    /// <param name="embedder">As for <see cref="Load"/>.</param>
    public static DefaultDataset Build(DefaultMarket market, DefaultDatasetOptions? options = null, ITextEmbedder? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        options ??= DefaultDatasetOptions.Default;
        options.Validate();
        embedder ??= DisclosureChapters.CreateEmbedder();
        return new DefaultDataset(market, options, embedder, DefaultExampleBuilder.Build(market, options, embedder));
    }

    public IReadOnlyList<DefaultExample> Part(SplitPart part) => part switch
    {
        SplitPart.Train => Train,
        SplitPart.Validation => Validation,
        _ => Test,
    };

    /// <summary>Which part's issuers <paramref name="issuerId"/> belongs to: a stable hash of the id and the split seed.</summary>
    public SplitPart IssuerPart(string issuerId)
    {
        var u = (FeatureHash.Hash(issuerId, Options.SplitSeed ^ 0x44454641554C54UL) >> 11) * (1.0 / (1UL << 53));
        if (u < Options.TrainIssuerShare) return SplitPart.Train;
        return u < Options.TrainIssuerShare + Options.ValidationIssuerShare ? SplitPart.Validation : SplitPart.Test;
    }

    /// <summary>Examples per class (performing, extended, defaulted) in a part.</summary>
    public int[] ClassCounts(SplitPart part)
    {
        var counts = new int[3];
        foreach (var example in Part(part)) counts[(int)example.Label]++;
        return counts;
    }

    /// <summary>One line per part: issuers, examples, classes and origin range, for logs and reports.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"default dataset {StartDay:yyyy-MM-dd}..{EndDay:yyyy-MM-dd}: {All.Count} examples built; ");
        text.Append(CultureInfo.InvariantCulture, $"validation from {ValidationStart:yyyy-MM-dd}, test from {TestStart:yyyy-MM-dd}; ");
        text.Append(CultureInfo.InvariantCulture, $"{Features.Count} features, {Chapters.Count} chapters × {EmbeddingDimension} ({EmbedderId})\n");
        foreach (var part in new[] { SplitPart.Train, SplitPart.Validation, SplitPart.Test })
        {
            var examples = Part(part);
            var c = ClassCounts(part);
            var issuers = examples.Select(e => e.IssuerId).Distinct(StringComparer.Ordinal).Count();
            var range = examples.Count == 0 ? "no origins" : $"origins {examples.Min(e => e.Origin):yyyy-MM-dd}..{examples.Max(e => e.Origin):yyyy-MM-dd}";
            text.Append(CultureInfo.InvariantCulture,
                $"{part,-10} {issuers,6} issuers {examples.Count,8} examples: performing {c[0]}, extended {c[1]}, defaulted {c[2]}; {range}\n");
        }
        return text.ToString();
    }

    /// <summary>SHA-256 over the parts' examples (ids, origins, labels, every quarter's values and text vectors) and the
    /// options: the training-data hash of an artifact. Arrays shared between examples are hashed once and then referred
    /// to by their first position, which keeps this to a second for 2,000 issuers × 10 years.</summary>
    public string Sha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var seen = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        var buffer = new byte[8];
        void Int(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
            hash.AppendData(buffer);
        }
        void Text(string value)
        {
            Int(value.Length);
            hash.AppendData(Encoding.UTF8.GetBytes(value));
        }
        bool Seen(object array)
        {
            if (seen.TryGetValue(array, out var id))
            {
                Int(-1 - id);
                return true;
            }
            seen[array] = seen.Count;
            return false;
        }

        Text($"options={Options};embedder={EmbedderId};features={string.Join(',', Features)};val={ValidationStart:yyyy-MM-dd};test={TestStart:yyyy-MM-dd}");
        foreach (var part in new[] { SplitPart.Train, SplitPart.Validation, SplitPart.Test })
        {
            Text(part.ToString());
            Int(Part(part).Count);
            foreach (var example in Part(part))
            {
                Text(example.IssuerId);
                Text(example.IndustryId);
                Int(example.Origin.DayNumber);
                Int((int)example.Label);
                Int(example.Quarters.Count);
                foreach (var q in example.Quarters)
                {
                    Int(q.PeriodEnd.DayNumber);
                    Int(q.PublishedAt.UtcTicks);
                    Int(BitConverter.DoubleToInt64Bits(q.MonthsSincePrevious));
                    if (!Seen(q.Financial)) hash.AppendData(MemoryMarshalBytes(q.Financial));
                    if (!Seen(q.Macro)) hash.AppendData(MemoryMarshalBytes(q.Macro));
                    foreach (var chapter in q.Chapters)
                    {
                        if (chapter is null) Int(long.MinValue);
                        else if (!Seen(chapter)) hash.AppendData(MemoryMarshalBytes(chapter));
                    }
                }
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // The bytes as stored (little-endian on every platform .NET runs this on).
    private static ReadOnlySpan<byte> MemoryMarshalBytes<T>(T[] values) where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());

    /// <summary>Cuts the labelled origins in time. Between train and validation, and between validation and test, the
    /// origins of one label window (gap + horizon quarters) carry no example of the earlier part; the remaining origin
    /// quarters are shared out by <see cref="DefaultDatasetOptions.TrainTimeShare"/> and
    /// <see cref="DefaultDatasetOptions.ValidationTimeShare"/>, each part getting at least one.</summary>
    private static (DateOnly ValidationStart, DateOnly TestStart) TimeCuts(IReadOnlyList<DateOnly> origins, DefaultDatasetOptions options)
    {
        // Origins are every `step` quarters; a window of `window` quarters spans this many origins.
        var window = options.GapQuarters + options.HorizonQuarters;
        var dead = (window + options.OriginStepQuarters - 1) / options.OriginStepQuarters;
        var usable = origins.Count - 2 * dead;
        if (usable < 3)
        {
            throw new ArgumentException($"the market has {origins.Count} labelled origins; splitting in time needs at least {2 * dead + 3} "
                + $"(two label windows of {window} quarters between the parts and one origin each): simulate more years or shorten the horizon");
        }
        var trainCount = Math.Clamp((int)Math.Round(usable * options.TrainTimeShare), 1, usable - 2);
        var validationCount = Math.Clamp((int)Math.Round(usable * options.ValidationTimeShare), 1, usable - trainCount - 1);
        // Train origins 0..trainCount-1 have windows ending at or before origin[trainCount - 1 + dead] < validation start.
        var validationStart = origins[trainCount + dead];
        var testStart = origins[trainCount + dead + validationCount + dead];
        return (validationStart, testStart);
    }
}
