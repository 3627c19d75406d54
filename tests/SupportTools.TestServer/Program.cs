using System.Runtime.InteropServices;

namespace SupportTools.TestServer;

/// <summary>
/// The console host: <c>dotnet SupportTools.TestServer.dll &lt;scenario&gt; [--name value ...]</c> prints the server's
/// base URI as its first line and serves until standard input closes (the parent, e.g. Pester, ended or closed it)
/// or it gets SIGTERM/SIGINT. Exit code 2 for bad arguments.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "-?")
        {
            await Console.Error.WriteLineAsync(Usage());
            return 2;
        }

        LoopbackServer server;
        try
        {
            server = await ScenarioRegistry.StartAsync(ScenarioRegistry.Create(args[0]), args[1..]);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + Environment.NewLine + Usage());
            return 2;
        }

        await using (server)
        {
            await Console.Out.WriteLineAsync(server.BaseUri.AbsoluteUri);
            await Console.Out.FlushAsync();
            var stop = new TaskCompletionSource();
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.TrySetResult();
            }
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            _ = Task.Run(() =>
            {
                // Blocking reads on a pool thread until end of input; the process may exit while one is pending.
                using var input = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (input.Read(buffer) > 0) { }
                stop.TrySetResult();
            });
            await stop.Task;
        }
        return 0;
    }

    private static string Usage() =>
        $"""
        Usage: dotnet SupportTools.TestServer.dll <scenario> [--name value ...]
        Prints the base URI (http://127.0.0.1:<port>/) as the first line, then serves until standard input closes or SIGTERM.

        Scenarios:
        {string.Join(Environment.NewLine, ScenarioRegistry.Names.Select(name => $"  {name,-8} {ScenarioRegistry.Create(name).Description}"))}

        Options every scenario takes:
          --rate-limit 20/1s            requests per window (20/s, 600/15s, 5/500ms); over it: 429
          --rate-limit-hint <style>     {string.Join(", ", Enum.GetNames<RateLimitHint>())} (default: the scenario's)
          --fault-rate 0.05             probability that a request meets a random fault
          --fault-kinds 500,reset,...   status codes, reset, drop, truncated, notjson, delay:35s, huge:1g, gzipbomb:4g (default 429,500,502,503,reset,drop,truncated)
          --seed 1                      seed for the random faults and generated data
        """;
}
