namespace StreamRisk.Core.Reference;

/// <summary>The text of one reference file and the name its errors should carry (a file name or full path).</summary>
public sealed record ReferenceFile(string Name, string Text);
