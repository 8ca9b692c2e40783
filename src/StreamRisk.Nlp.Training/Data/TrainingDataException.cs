namespace StreamRisk.Nlp.Training.Data;

/// <summary>A labelled data file that cannot be read: the message names the file, the line and what to fix.</summary>
public sealed class TrainingDataException(string file, int? line, string problem)
    : Exception(line is null ? $"{file}: {problem}" : $"{file}, line {line}: {problem}");
