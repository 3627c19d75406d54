namespace SupportTools.Tests.Storage;

/// <summary>Keeps what Core reports, for assertions; thread-safe because lock waits may report from test tasks.</summary>
internal sealed class RecordingReporter : IOperationReporter
{
    private readonly List<string> _verbose = [], _warnings = [];
    private readonly List<(string Status, long Completed, long? Total)> _progress = [];

    public IReadOnlyList<string> VerboseLines { get { lock (_verbose) return [.. _verbose]; } }

    public IReadOnlyList<string> Warnings { get { lock (_warnings) return [.. _warnings]; } }

    public IReadOnlyList<(string Status, long Completed, long? Total)> ProgressReports { get { lock (_progress) return [.. _progress]; } }

    public void Progress(string status, long completed, long? total) { lock (_progress) _progress.Add((status, completed, total)); }

    public void Verbose(string message) { lock (_verbose) _verbose.Add(message); }

    public void Warning(string message) { lock (_warnings) _warnings.Add(message); }
}
