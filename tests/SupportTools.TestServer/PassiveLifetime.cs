using Microsoft.Extensions.Hosting;

namespace SupportTools.TestServer;

/// <summary>
/// A host lifetime that does nothing: the default console lifetime would hook Ctrl+C, SIGTERM and process exit for
/// every server a test starts. The owner (a test, or the console host) stops the server itself.
/// </summary>
internal sealed class PassiveLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
