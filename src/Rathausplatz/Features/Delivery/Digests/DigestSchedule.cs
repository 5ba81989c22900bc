using Rathausplatz.Features.Audiences;

namespace Rathausplatz.Features.Delivery.Digests;

/// <summary>When digests go out: <c>Delivery:DigestHour</c> in the town's time, every day or on <c>Delivery:WeeklyDigestDay</c>.</summary>
public static class DigestSchedule
{
    /// <summary>The first digest moment of <paramref name="frequency"/> strictly after <paramref name="nowUtc"/>, in UTC.</summary>
    public static DateTime NextUtc(DeliveryFrequency frequency, DateTime nowUtc, DeliveryOptions options)
    {
        var local = TownTime.ToLocal(nowUtc)!.Value;
        var hour = Math.Clamp(options.DigestHour, 0, 23);
        var day = local.Date;
        while (true)
        {
            // In the spring-forward gap (02:00–03:00 on one night) the hour does not exist that day: the next one does.
            var at = day.AddHours(hour);
            if (TownTime.Zone.IsInvalidTime(at))
                at = at.AddHours(1);
            if (at > local && (frequency != DeliveryFrequency.Weekly || at.DayOfWeek == options.WeeklyDigestDay))
                return TownTime.ToUtc(at)!.Value;
            day = day.AddDays(1);
        }
    }
}
