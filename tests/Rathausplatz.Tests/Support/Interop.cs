namespace Rathausplatz.Tests.Support;

/// <summary>tests/interop: the npm packages the tests run against the app (parsers, push service, identity provider).</summary>
/// <remarks>Shared with the browser tests, which link this file.</remarks>
public static class Interop
{
    public static string Folder { get; } = FindInteropFolder();

    private static string FindInteropFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "interop");
            if (File.Exists(Path.Combine(candidate, "package.json")))
                return Directory.Exists(Path.Combine(candidate, "node_modules"))
                    ? candidate
                    : throw new InvalidOperationException($"Run `npm ci --prefix tests/interop` first ({candidate} has no node_modules).");
        }
        throw new InvalidOperationException("tests/interop not found above " + AppContext.BaseDirectory);
    }
}
