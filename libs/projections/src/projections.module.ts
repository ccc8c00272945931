import { Controller, DynamicModule, Get, Inject, Injectable, Module, NotFoundException, OnModuleInit, Param, Post, Type } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { Roles } from '@nangsuat/auth';
import { COMMAND_HANDLER, CommandHandlerPort, EVENT_STORE, EventStorePort } from '@nangsuat/event-store';
import { eventsTopic, IdempotentConsumer, IdempotentConsumerFactory } from '@nangsuat/messaging';
import { StreamStateProjection } from './stream-state-projection';

export const PROJECTIONS = Symbol('PROJECTIONS');

export type ProjectionFactory = (store: EventStorePort, readModels: ReadModelStore) => StreamStateProjection<any>;

/**
 * Read-your-writes: each commit a command of this service makes refreshes the read models that show
 * its stream before the command is answered, so the list the user returns to already shows the
 * change. The Kafka consumer below stays the path that guarantees it (a failed refresh here, events
 * appended by another replica or another way) and re-applying is harmless: a refresh is idempotent.
 */
@Injectable()
class RefreshOwnReadModelsOnCommit implements OnModuleInit {
  constructor(
    @Inject(PROJECTIONS) private readonly projections: StreamStateProjection<unknown>[],
    @Inject(COMMAND_HANDLER) private readonly commands: CommandHandlerPort,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const projection of this.projections) await projection.ensureIndexes();
    // The command folded the whole stream: the refresh folds the same events, without reading them again.
    this.commands.afterCommit(async (streamId, _events, stream) => {
      for (const projection of this.projections) await projection.apply({ streamId }, stream?.events);
    });
  }
}

/**
 * The read models of one bounded context, kept up to date from the context's own Kafka topic
 * (idempotent consumer: at-least-once delivery, exactly-once effect) and rebuildable from the
 * event store by an operator: POST /projections/:name/rebuild.
 */
@Module({})
export class ProjectionsModule {
  static forContext(boundedContext: string, factories: readonly ProjectionFactory[]): DynamicModule {
    @ApiTags('operations')
    @ApiBearerAuth()
    @Controller('projections')
    class ProjectionsController {
      private readonly consumer: IdempotentConsumer;

      constructor(
        @Inject(PROJECTIONS) private readonly projections: StreamStateProjection<unknown>[],
        consumers: IdempotentConsumerFactory,
      ) {
        this.consumer = consumers.create(`${boundedContext}.read-models`);
      }

      @EventPattern(eventsTopic(boundedContext))
      async onEvent(@Ctx() ctx: KafkaContext): Promise<void> {
        await this.consumer.handleKafkaContext(ctx, async (event) => {
          for (const projection of this.projections) await projection.apply(event);
        });
      }

      @Get()
      @Roles('province-admin', 'auditor')
      @ApiOperation({ summary: 'Read models of this service' })
      list(): { name: string; collection: string; streamPrefix: string }[] {
        return this.projections.map((p) => ({ name: p.name, collection: p.options.collection, streamPrefix: p.options.streamPrefix }));
      }

      @Post(':name/rebuild')
      @Roles('province-admin')
      @ApiOperation({ summary: 'Rebuild a read model from the event store (safe while the service runs)' })
      async rebuild(@Param('name') name: string): Promise<{ name: string; streams: number; events: number }> {
        const projection = this.projections.find((p) => p.name === name);
        if (!projection) throw new NotFoundException(`No read model "${name}"; known: ${this.projections.map((p) => p.name).join(', ')}.`);
        return { name, ...(await projection.rebuild()) };
      }
    }

    return {
      module: ProjectionsModule,
      controllers: [ProjectionsController as Type<unknown>],
      providers: [
        RefreshOwnReadModelsOnCommit,
        {
          provide: PROJECTIONS,
          inject: [EVENT_STORE, READ_MODEL_STORE],
          useFactory: (store: EventStorePort, readModels: ReadModelStore) => factories.map((f) => f(store, readModels)),
        },
      ],
      exports: [PROJECTIONS],
    };
  }
}
