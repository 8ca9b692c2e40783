namespace StreamRisk.Core.Reference;

/// <summary>
/// Something in the reference data that loads, but not as written: the loader made a documented choice (ignored a name,
/// resolved a name several issuers share) and says where, so the person who owns the file can fix it.
/// </summary>
/// <param name="FileName">The file as the loader named it (a full path when loaded from disk).</param>
/// <param name="LineNumber">1-based line where the record starts.</param>
/// <param name="Field">Column name.</param>
/// <param name="Problem">What was done and what to do, without the location prefix.</param>
public sealed record ReferenceDataWarning(string FileName, int LineNumber, string Field, string Problem)
{
    /// <summary>"FILE line N, field 'F': problem", the form <see cref="ReferenceDataException"/> uses.</summary>
    public string Message => ReferenceDataException.Describe(FileName, LineNumber, Field, Problem);

    public override string ToString() => Message;
}
