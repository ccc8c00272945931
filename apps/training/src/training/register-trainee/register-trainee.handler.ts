import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { TrainingClock } from '../common/clock';
import { personIdOf } from '../common/person-id';
import { CourseCommands } from '../courses/course-commands';
import { RegisterTraineeDto } from './register-trainee.dto';

@Injectable()
export class RegisterTraineeHandler {
  constructor(
    private readonly courses: CourseCommands,
    private readonly clock: TrainingClock,
  ) {}

  async handle(req: Request, actor: Actor, courseId: string, dto: RegisterTraineeDto) {
    const personId = personIdOf(dto);
    const { view, version, duplicate } = await this.courses.run(req, actor, courseId, {
      type: 'RegisterTrainee',
      trainee: { personId, fullName: dto.fullName, organisationType: dto.organisationType, organisationName: dto.organisationName },
      now: this.clock.nowIso(),
    });
    const trainee = view.course.trainees[personId];
    const position = view.course.waitlist.indexOf(personId);
    const waitlisted = trainee?.status === 'waitlisted';
    return {
      personId,
      status: trainee?.status,
      waitlisted,
      ...(waitlisted ? { waitlistPosition: position + 1 } : {}),
      message: waitlisted
        ? `The course is full: ${trainee.fullName} is number ${position + 1} on the waiting list and will be registered when a seat frees up.`
        : `${trainee?.fullName} is registered.`,
      duplicate,
      course: this.courses.present(view, version),
    };
  }
}
