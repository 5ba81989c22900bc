namespace Rathausplatz.BrowserTests.Infrastructure;

/// <summary>
/// The system clock moved forward by an offset. Timers and delays stay real (the job worker keeps
/// polling every few seconds), while everything that asks for "now" sees the shifted time, so a
/// browser test can let a scheduled post fall due without waiting for it.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
