import { Injectable } from '@nestjs/common';
import { personIdOf } from '../common/person-id';
import { CourseCommands } from '../courses/course-commands';
import { RegisterTraineeDto } from './register-trainee.dto';
import { CommandContext } from '@nangsuat/service-runtime';

@Injectable()
export class RegisterTraineeHandler {
  constructor(
    private readonly courses: CourseCommands,
  ) {}

  async handle(context: CommandContext, courseId: string, dto: RegisterTraineeDto) {
    const personId = personIdOf(dto);
    const { view, version, duplicate } = await this.courses.run(context, courseId, {
      type: 'RegisterTrainee',
      trainee: { personId, fullName: dto.fullName, organisationType: dto.organisationType, organisationName: dto.organisationName },
      now: context.nowIso,
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
