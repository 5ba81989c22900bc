using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Xunit.Sdk;

namespace Rathausplatz.BrowserTests.Infrastructure;

/// <summary>What every page must pass: axe (WCAG 2.1 A and AA), no sideways scrolling on a phone, and screenshots for people to look at.</summary>
public static class PageChecks
{
    public const int PhoneWidth = 360;
    public const int DesktopWidth = 1280;

    // axe-core as Deque bundles it. Deque's RunAxe sends this half-megabyte script twice per call (into the page and
    // into a blank page it opens to merge the results of frames), which was most of every page check's time here.
    // Our pages have no frames, so one injection and one axe.run in the page find the same violations.
    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    // Every WCAG 2.1 A and AA rule runs; axe collects only violations, so it builds no selectors or excerpts for the passes.
    private const string RunWcag21AA = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return result.violations.map(v => ({
            id: v.id, impact: v.impact ?? '', help: v.help, count: v.nodes.length,
            target: String(v.nodes[0]?.target ?? '?'), html: v.nodes[0]?.html ?? '',
          }));
        }
        """;

    // axe answers in a few seconds even on a long page on a busy machine; this only turns a run that never answers into a failure.
    private static readonly TimeSpan AxeAnswer = TimeSpan.FromSeconds(60);

    // The contexts BrowserApp opened with script off. axe's run is a promise that settles through timers, and timers never
    // fire in a page without script: the evaluation would wait forever (Playwright gives evaluations no timeout).
    private static readonly ConditionalWeakTable<IBrowserContext, object> WithoutScript = [];

    /// <summary>Notes that <paramref name="context"/> runs without JavaScript, so <see cref="AssertAccessibleAsync"/> refuses its pages at once.</summary>
    public static void MarkWithoutScript(IBrowserContext context) => WithoutScript.AddOrUpdate(context, true);

    /// <summary>
    /// <c>SCREENSHOT_DIR</c> when set, otherwise <c>TestResults/screenshots</c> in the test output
    /// (e.g. <c>tests/Rathausplatz.BrowserTests/bin/Debug/net10.0/TestResults/screenshots</c>).
    /// </summary>
    public static string ScreenshotFolder { get; } = Path.GetFullPath(
        Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots"));

    /// <summary>Runs axe, checks the phone layout and saves screenshots at both widths, named <paramref name="name"/>.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        await AssertAccessibleAsync(page, name);
        await ScreenshotAsync(page, name);
    }

    /// <summary>
    /// Runs axe and fails with every violation. A page without script cannot be checked (axe would never answer there):
    /// that fails at once with a message saying so; check the same state in a context with script instead.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        if (WithoutScript.TryGetValue(page.Context, out _))
            throw new XunitException($"axe cannot check '{name}' ({page.Url}): the page runs without JavaScript, where axe never answers. " +
                "Take PageChecks.ScreenshotAsync for pages without script and check the same state with script.");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeScript.Value);
        JsonElement violations;
        try
        {
            violations = await page.EvaluateAsync<JsonElement>(RunWcag21AA).WaitAsync(AxeAnswer);
        }
        catch (TimeoutException)
        {
            throw new XunitException($"axe gave no answer on '{name}' ({page.Url}) within {AxeAnswer.TotalSeconds:0} s.");
        }
        if (violations.GetArrayLength() == 0)
            return;
        var report = new StringBuilder($"axe found {violations.GetArrayLength()} WCAG 2.1 AA violation(s) on '{name}' ({page.Url}):");
        foreach (var violation in violations.EnumerateArray())
        {
            string Text(string property) => violation.GetProperty(property).ToString();
            report.AppendLine()
                .Append($"  - {Text("id")} [{Text("impact")}] {Text("help")}")
                .Append($" — {Text("count")} element(s), first: {Text("target")} {Shorten(Text("html"))}");
        }
        throw new XunitException(report.ToString());
    }

    /// <summary>
    /// Full-page screenshots at phone and desktop width into <see cref="ScreenshotFolder"/> as
    /// NAME-360.png and NAME-1280.png; fails when the phone layout scrolls sideways (WCAG 1.4.10 reflow).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var original = page.ViewportSize ?? new() { Width = DesktopWidth, Height = 800 };
        string? overflow = null;
        try
        {
            foreach (var width in new[] { PhoneWidth, DesktopWidth })
            {
                await page.SetViewportSizeAsync(width, width == PhoneWidth ? 740 : 800);
                await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
                if (width == PhoneWidth)
                    overflow = await SidewaysOverflowAsync(page);
            }
        }
        finally
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
        if (overflow is not null)
            throw new XunitException($"'{name}' scrolls sideways at {PhoneWidth} px: {overflow} (see {Path.Combine(ScreenshotFolder, $"{name}-{PhoneWidth}.png")})");
    }

    // Script is off in some contexts; then the check is skipped rather than guessed.
    private static async Task<string?> SidewaysOverflowAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string?>("""
                () => {
                  const width = document.documentElement.clientWidth;
                  if (document.documentElement.scrollWidth <= width) return null;
                  const wide = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''))
                    .slice(0, 5);
                  return `page is ${document.documentElement.scrollWidth} px wide; widest elements: ${wide.join(', ')}`;
                }
                """);
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
