using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Participation.Debates;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Tests.Support;

public abstract partial class RathausplatzApp
{
    /// <summary>
    /// Switches debates on in <paramref name="process"/> and opens one with the use case behind the back office's form;
    /// <paramref name="lastDay"/> counts days from today in the town (null: open while the process runs).
    /// </summary>
    public async Task<Debate> CreateDebateAsync(TestOrganization organization, ParticipationProcess process, TestUser editor,
        int? lastDay = null, string title = "Soll der Marktplatz autofrei werden?", bool enable = true)
    {
        await using var scope = InOrganization(organization);
        if (enable)
            await scope.Db.Set<ParticipationProcess>().Where(p => p.Id == process.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.DebatesEnabled, true));
        return await scope.Get<ManageDebates>().SaveAsync(process.Id, null, new DebateInput
        {
            Title = title, Introduction = "Der Rat entscheidet im Herbst.", LastDay = lastDay is { } days ? TownToday.AddDays(days) : null,
        }, editor.Id, CancellationToken.None);
    }

    public static string DebatePath(ParticipationProcess process, Guid debateId) => $"/beteiligung/{process.Slug}/debatten/{debateId}";
}
