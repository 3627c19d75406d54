using System.Reflection;

namespace SupportTools.TestServer;

/// <summary>The scenarios of this assembly by name (every <see cref="IScenario"/> class), and how to start one.</summary>
public static class ScenarioRegistry
{
    private static readonly Lazy<IReadOnlyDictionary<string, Type>> Types = new(Discover);

    /// <summary>The scenario names, in order.</summary>
    public static IReadOnlyList<string> Names => Types.Value.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>A new instance of the scenario called <paramref name="name"/>; <see cref="ArgumentException"/> listing the names when there is none.</summary>
    public static IScenario Create(string name) =>
        Types.Value.TryGetValue(name, out var type)
            ? (IScenario)Activator.CreateInstance(type)!
            : throw new ArgumentException($"No scenario '{name}'. Scenarios: {string.Join(", ", Names)}.");

    /// <summary>
    /// Starts <paramref name="scenario"/> with its <c>--name value</c> <paramref name="arguments"/>: its endpoints behind the
    /// <c>--rate-limit</c>, with <c>--fault-rate</c> random faults. What the console host runs; tests may call it too.
    /// </summary>
    public static async Task<LoopbackServer> StartAsync(IScenario scenario, IReadOnlyList<string> arguments)
    {
        var options = ScenarioOptions.Parse(arguments, scenario.DefaultRateLimitHint);
        var server = await LoopbackServer.StartAsync(endpoints => scenario.Map(endpoints, options), new LoopbackServerOptions { RateLimit = options.RateLimit });
        if (options.FaultRate > 0) server.Faults.Random(options.FaultRate, options.Seed, [.. options.FaultKinds]);
        return server;
    }

    private static IReadOnlyDictionary<string, Type> Discover()
    {
        var scenarios = typeof(IScenario).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IScenario)) && type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(type => (Type: type, ((IScenario)Activator.CreateInstance(type)!).Name));
        var byName = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, name) in scenarios)
            if (!byName.TryAdd(name, type)) throw new InvalidOperationException($"Two scenarios are called '{name}': {byName[name]} and {type}.");
        return byName;
    }
}
