import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStorePort } from '@nangsuat/event-store';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Actor } from '@nangsuat/event-sourcing';
import { Page, PageQuery } from '@nangsuat/service-runtime';
import { allOf, pageOf, textFilter } from '../common/queries';
import { READ_MODELS } from '../common/read-models';
import { Registrations } from '../common/registrations';
import { readScope, requireKnownUnit, unitSubtree } from '../common/scope';
import { HistoryEntry, historyOf, RegistrationView } from '../common/views';
import { ID_PATTERN, UNIT_CODE_PATTERN } from '@nangsuat/service-runtime';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';

const STATUSES = ['submitted', 'under-review', 'approved', 'rejected', 'in-implementation', 'completed', 'withdrawn'] as const;

export class ListRegistrationsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'ngokbay-mo-hinh-diem-2025' })
  @IsOptional() @IsString() @Matches(ID_PATTERN, { message: '$property must be a programme id.' })
  programme?: string;

  @ApiPropertyOptional({ example: 'mst-6101234567' })
  @IsOptional() @IsString() @Matches(/^mst-\d{10}(-\d{3})?$/, { message: '$property must be an enterprise id mst-<tax code>.' })
  enterprise?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional() @IsIn(STATUSES, { message: `$property must be one of: ${STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ example: '51', description: "Registrations of enterprises in this unit and every unit within it" })
  @IsOptional() @IsString() @Matches(UNIT_CODE_PATTERN, { message: '$property must be an administrative unit code such as 51 or 51-NGOKBAY.' })
  unit?: string;

  @ApiPropertyOptional({ example: 'hop tac xa', description: "Words of the enterprise's name, tax code or the description; diacritics ignored" })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}

@Injectable()
export class RegistrationQueries {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    private readonly registrations: Registrations,
  ) {}

  /** Officers: registrations of enterprises or of programmes in their unit subtree; enterprise users: their own; auditors: all. */
  list(q: ListRegistrationsQuery, actor: Actor): Promise<Page<RegistrationView>> {
    const filter = allOf([
      readScope(actor, ['unitCode', 'programmeUnitCode'], 'enterpriseAccountId'),
      q.programme ? { programmeId: q.programme } : null,
      q.enterprise ? { enterpriseId: q.enterprise } : null,
      q.status ? { status: q.status } : null,
      q.unit ? { unitCode: { $in: unitSubtree(requireKnownUnit(q.unit)) } } : null,
      ...textFilter(q.q),
    ]);
    return pageOf<RegistrationView>(this.readModels, READ_MODELS.registrations, filter, q);
  }

  async get(registrationId: string, actor: Actor): Promise<RegistrationView> {
    const { streamId } = await this.registrations.load(registrationId);
    const view = await this.registrations.view(streamId);
    this.registrations.assertCanRead(actor, view);
    return view;
  }

  async history(registrationId: string, actor: Actor): Promise<{ registrationId: string; events: HistoryEntry[] }> {
    const { streamId } = await this.registrations.load(registrationId);
    this.registrations.assertCanRead(actor, await this.registrations.view(streamId));
    return { registrationId, events: historyOf(await this.store.readStream(streamId)) };
  }
}
