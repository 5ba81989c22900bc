namespace Rathausplatz.Features.Participation.Accountability;

/// <summary>"Meine Beteiligung": what came of a person's input (see <see cref="WhatCameOfMyInput"/>).</summary>
[Authorize]
public sealed class MyParticipationModel(WhatCameOfMyInput input, MarkdownRenderer markdown) : PageModel
{
    public List<WhatCameOfMyInput.BallotItem> Ballots { get; private set; } = [];
    public List<WhatCameOfMyInput.ProposalItem> Proposals { get; private set; } = [];
    public List<WhatCameOfMyInput.SurveyItem> Surveys { get; private set; } = [];
    public List<WhatCameOfMyInput.DebateItem> Debates { get; private set; } = [];

    public string Html(WhatCameOfMyInput.LatestUpdate update) => markdown.ToSafeHtml(update.Body);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.ParticipantId()!.Value;
        Proposals = await input.ProposalsAsync(me, ct);
        Surveys = await input.SurveysAsync(me, ct);
        Debates = await input.DebatesAsync(me, ct);
        Ballots = await input.BallotsAsync(me, ct);
    }
}
