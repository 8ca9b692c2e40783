namespace StreamRisk.Core.Ingest;

/// <summary>When a stored document was published and how ingest stamped it, in ingest order: what a restarted ingest
/// rebuilds its <see cref="IngestWatermark"/> from.</summary>
/// <param name="Watermark">The document's stamp (<c>documents.watermark</c>); null on rows written before stamps existed.</param>
public readonly record struct IngestedDocumentTime(long IngestSeq, DateTimeOffset PublishedAt, DateOnly? Watermark)
{
    /// <summary>The UTC day the document counts for.</summary>
    public DateOnly Day => DateOnly.FromDateTime(PublishedAt.UtcDateTime);
}

/// <summary>
/// The ingest watermark: how far in event time the accepted stream has got, decided by a quorum of documents so that a
/// few mis-dated texts cannot move it. The daily index refuses a text as <c>too_late</c> when its day lies more than the
/// allowed lateness behind its stamp, so one text dated today at the head of a 1987 corpus must not set the watermark to
/// today (it used to: the watermark was the running maximum, and every later text was refused).
/// </summary>
/// <remarks>
/// <para>The quorum day of a window of documents is the <see cref="Quorum"/>-th latest UTC published day among the last
/// <see cref="Window"/> accepted documents (in ingest order, the new one included): the latest day that at least
/// <see cref="Quorum"/> of them have reached. <see cref="Current"/> is the running maximum of quorum days, so it never
/// moves back. A document is stamped with <see cref="Current"/> as it is once the document is accepted; before
/// <see cref="Quorum"/> documents have been accepted there is no quorum and a document is stamped with its own day
/// (nothing can be late by it, and it does not count as a watermark).</para>
/// <para>Robustness: a day moves <see cref="Current"/> only when <see cref="Quorum"/> documents within
/// <see cref="Window"/> consecutive accepted documents reach it, so up to <see cref="Quorum"/> − 1 outliers — anywhere
/// in the stream, or more of them when fewer than <see cref="Quorum"/> fall within any <see cref="Window"/> consecutive
/// documents — never push the watermark beyond what the other documents reached.</para>
/// <para>In-order streams: when published days never decrease, the stamp of the n-th document is the day of the
/// (n − <see cref="Quorum"/> + 1)-th (the running maximum gave its own day): the stamp lags by
/// <see cref="Quorum"/> − 1 documents, i.e. by the days those documents span (0 when several texts share a day). No
/// in-order text is late under either rule; a text arriving out of order is refused once <see cref="Quorum"/> documents
/// more than the allowed lateness newer than it were accepted, instead of one. <see cref="Quorum"/> = 1 is the running
/// maximum.</para>
/// <para>The state depends only on the sequence of accepted documents' days in ingest order, and is rebuilt exactly
/// from the stored documents by <see cref="Restore"/>. Instances are immutable.</para>
/// </remarks>
public sealed class IngestWatermark
{
    private readonly DateOnly[] _recent;

    private IngestWatermark(int quorum, int window, DateOnly? current, DateOnly[] recent)
    {
        Quorum = quorum;
        Window = window;
        Current = current;
        _recent = recent;
    }

    /// <summary>How many documents must reach a day before the watermark may move to it.</summary>
    public int Quorum { get; }

    /// <summary>How many of the latest accepted documents (in ingest order) the quorum is counted among.</summary>
    public int Window { get; }

    /// <summary>The watermark: the running maximum of quorum days; null until <see cref="Quorum"/> documents were accepted.</summary>
    public DateOnly? Current { get; }

    /// <summary>UTC published days of the latest accepted documents (at most <see cref="Window"/>), oldest first.</summary>
    public IReadOnlyList<DateOnly> Recent => _recent;

    /// <summary>The watermark of a stream with no accepted document yet.</summary>
    public static IngestWatermark Start(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WatermarkQuorum, 1, nameof(options.WatermarkQuorum));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WatermarkWindow, options.WatermarkQuorum, nameof(options.WatermarkWindow));
        return new IngestWatermark(options.WatermarkQuorum, options.WatermarkWindow, null, []);
    }

    /// <summary>
    /// The watermark an ingest that accepted the stored documents holds, so that a restarted ingest stamps exactly what
    /// an uninterrupted one would.
    /// </summary>
    /// <param name="latest">The latest <see cref="IngestOptions.WatermarkWindow"/> stored documents (all of them when
    /// fewer are stored), in ingest order.</param>
    public static IngestWatermark Restore(IngestOptions options, IReadOnlyList<IngestedDocumentTime> latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var start = Start(options);
        var kept = latest.Skip(Math.Max(0, latest.Count - start.Window)).ToArray();
        if (kept.Length == 0)
        {
            return start;
        }
        var recent = kept.Select(d => d.Day).ToArray();
        // Fewer stored documents than the quorum means there never was a quorum (the window holds them all).
        if (kept.Length < start.Quorum)
        {
            return new IngestWatermark(start.Quorum, start.Window, null, recent);
        }
        // The latest stamp is the watermark itself once a quorum exists. Rows written before stamps existed have none:
        // then the window's own quorum days are the best the store can tell.
        if (kept[^1].Watermark is { } stamp)
        {
            return new IngestWatermark(start.Quorum, start.Window, stamp, recent);
        }
        var replayed = start;
        foreach (var day in recent)
        {
            replayed = replayed.After(day);
        }
        return replayed;
    }

    /// <summary>The stamp of a document published on <paramref name="day"/> if it is accepted next: the watermark once
    /// it counts, or its own day while there is no quorum yet.</summary>
    public DateOnly StampFor(DateOnly day) => CurrentAfter(day) ?? day;

    /// <summary>The watermark once a document published on <paramref name="day"/> (UTC) is accepted.</summary>
    public IngestWatermark After(DateOnly day)
    {
        var current = CurrentAfter(day);
        var keep = Math.Min(_recent.Length, Window - 1);
        var recent = new DateOnly[keep + 1];
        Array.Copy(_recent, _recent.Length - keep, recent, 0, keep);
        recent[keep] = day;
        return new IngestWatermark(Quorum, Window, current, recent);
    }

    private DateOnly? CurrentAfter(DateOnly day)
    {
        var keep = Math.Min(_recent.Length, Window - 1);
        if (keep + 1 < Quorum)
        {
            return Current;
        }
        Span<DateOnly> window = stackalloc DateOnly[keep + 1];
        _recent.AsSpan(_recent.Length - keep).CopyTo(window);
        window[keep] = day;
        window.Sort();
        var quorumDay = window[^Quorum];
        return Current is { } c && c > quorumDay ? c : quorumDay;
    }
}
