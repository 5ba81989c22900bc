using System.Runtime.CompilerServices;

namespace Rathausplatz.Tests.Support;

/// <summary>
/// The apps these tests start (in process and as child processes) read their settings once: each host would
/// otherwise watch its appsettings files with one inotify instance, and the suite's many hosts reach the
/// system's limit (128 per user by default), after which a host fails to start.
/// </summary>
internal static class NoConfigurationWatchers
{
    [ModuleInitializer]
    internal static void Initialize() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
