using StreamRisk.Infrastructure.Simulation;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>What <c>streamrisk simulate</c> wrote, how long it took and the most memory the process held.</summary>
/// <param name="PeakMemoryBytes">VmHWM of /proc/self/status (whole process, so it includes the runtime); null off Linux.</param>
public sealed record SimulationRunSummary(SimulationSummary Written, long BytesWritten, TimeSpan Elapsed, long? PeakMemoryBytes, string OutDirectory);

/// <summary>Progress of a simulation: simulated days done out of the period's days.</summary>
public readonly record struct SimulationProgress(int DaysDone, int DaysTotal);
