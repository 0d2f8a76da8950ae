// The envelope readers against answers shaped exactly as Zomro sends them.
import { describe, expect, it } from 'vitest';
import {
  authToken,
  fieldErrors,
  okText,
  paging,
  parseDoc,
  rows,
  text,
} from '../../src/zomro/envelope.js';
import { ZomroApiError, ZomroBadResponseError } from '../../src/zomro/errors.js';

describe('text', () => {
  it('unwraps $ values and tolerates bare values', () => {
    expect(text({ $: '14' })).toBe('14');
    expect(text('plain')).toBe('plain');
    expect(text(7)).toBe('7');
    expect(text({ $id: 'x' })).toBe('');
    expect(text(undefined)).toBe('');
    expect(text(null)).toBe('');
    expect(text([{ $: 'first' }, { $: 'second' }])).toBe('first');
  });
});

describe('rows', () => {
  it('normalises a missing, lone-object or array elem to an array of rows', () => {
    expect(rows(undefined)).toEqual([]);
    expect(rows({ id: { $: '14' } })).toEqual([{ id: { $: '14' } }]);
    expect(rows([{ id: { $: '1' } }, { id: { $: '2' } }])).toHaveLength(2);
    expect(rows('garbage')).toEqual([]);
    expect(rows([{ id: { $: '1' } }, 'noise', null])).toEqual([{ id: { $: '1' } }]);
  });
});

describe('parseDoc', () => {
  it('returns doc and ignores keys it does not know', () => {
    const body = JSON.stringify({
      doc: {
        $lang: 'en',
        $func: 'instances.fleio_bckps.schedule',
        tparams: { elid: { $: '5203773' }, out: { $: 'json' } },
        metadata: { $name: 'x' },
        backup_rotation: { $: '3' },
        elem: {
          create_date: { $: '2024-07-24' },
          id: { $: '14' },
          instance_id: { $: '5203773' },
          name: { $: 'MySchedule' },
          rotation_days: { $: 'Monday Tuesday Wednesday Thursday Friday Saturday ' },
          rotation_time: { $: '02:01' },
          servername: { $: 'MyServer' },
        },
        p_elems: { $: '1' },
      },
    });
    const doc = parseDoc('instances.fleio_bckps.schedule', body);
    expect(rows(doc.elem).map((r) => text(r.id))).toEqual(['14']);
    expect(paging(doc)).toMatchObject({ total: 1 });
  });

  it('turns doc.error into a ZomroApiError with type, object and message', () => {
    const body = JSON.stringify({
      doc: {
        $lang: 'en',
        error: {
          $type: 'value',
          $object: 'rotation_time',
          $lang: 'en',
          param: [{ $name: 'object', $: 'rotation_time' }],
          msg: { $: 'The value of the "Time (GMT+3)" field is invalid ' },
        },
      },
    });
    const error = (() => {
      try {
        parseDoc('instances.fleio_bckps.schedule.edit', body);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ZomroApiError);
    expect(error).toMatchObject({
      type: 'value',
      object: 'rotation_time',
      upstreamMessage: 'The value of the "Time (GMT+3)" field is invalid',
      func: 'instances.fleio_bckps.schedule.edit',
    });
  });

  it('reads an error without $object or msg', () => {
    expect(() => parseDoc('keepalive', '{"doc":{"error":{"$type":"access"}}}')).toThrow(
      expect.objectContaining({ type: 'access', object: '', upstreamMessage: '' }) as Error,
    );
  });

  it('refuses a body that is not JSON, or JSON without doc', () => {
    const html = '<html><head><title>502 Bad Gateway</title></head></html>';
    expect(() => parseDoc('instances', html)).toThrow(ZomroBadResponseError);
    expect(() => parseDoc('instances', '')).toThrow(ZomroBadResponseError);
    expect(() => parseDoc('instances', '{"ok":true}')).toThrow(ZomroBadResponseError);
    expect(() => parseDoc('instances', '[]')).toThrow(ZomroBadResponseError);
  });
});

describe('authToken and okText', () => {
  it('reads the session id from $id, falling back to $', () => {
    expect(authToken({ auth: { $id: '7e0cb9825a87e4c1a150dc9b', $level: '16', $: 'other' } })).toBe(
      '7e0cb9825a87e4c1a150dc9b',
    );
    expect(authToken({ auth: { $: '7e0cb9825a87e4c1a150dc9b' } })).toBe('7e0cb9825a87e4c1a150dc9b');
    expect(authToken({ ok: {} })).toBeNull();
  });

  it('reads doc.ok as text', () => {
    expect(okText({ ok: { $type: 'form', $: 'func=totp.confirm' } })).toBe('func=totp.confirm');
    expect(okText({ ok: {} })).toBe('');
  });

  it('reads the page keys, each null when missing or not a number', () => {
    expect(paging({})).toEqual({ total: null, size: null, page: null });
    expect(paging({ p_elems: { $: 'many' }, p_cnt: { $: '0' }, p_num: { $: '-1' } })).toEqual({
      total: null,
      size: null,
      page: null,
    });
    expect(paging({ p_elems: { $: '12' }, p_cnt: { $: '5' }, p_num: { $: '3' } })).toEqual({
      total: 12,
      size: 5,
      page: 3,
    });
    expect(paging({ p_elems: { $: '0' } })).toMatchObject({ total: 0 });
  });
});

describe('a JSON $object (Fleio-backed functions)', () => {
  const fail = (object: string, msg = 'Validation error') => {
    try {
      parseDoc(
        'instances.edit',
        JSON.stringify({ doc: { error: { $type: 'value', $object: object, msg: { $: msg } } } }),
      );
    } catch (error) {
      return error as ZomroApiError;
    }
    throw new Error('no error');
  };

  it('is read field by field, under the API names, the first field as the object', () => {
    const error = fail(
      JSON.stringify({ rotation_time: ['Enter a valid time.'], name: ['Too long.', 'Bad.'] }),
    );
    expect(error.object).toBe('rotation_time');
    expect(error.upstreamMessage).toBe('Validation error: Enter a valid time.');
    expect(error.fields).toEqual([
      { zomroField: 'rotation_time', field: 'time', message: 'Enter a valid time.' },
      { zomroField: 'name', field: 'name', message: 'Too long. Bad.' },
    ]);
    expect(fieldErrors('{"backup_rotation":"Ensure this value is at most 10."}')).toEqual([
      {
        zomroField: 'backup_rotation',
        field: 'retention',
        message: 'Ensure this value is at most 10.',
      },
    ]);
    expect(fieldErrors('{"fleio_thing":["x"]}')[0]?.field).toBe('fleio_thing');
  });

  it('is left as it came when it is not JSON', () => {
    expect(fail('rotation_time').fields).toEqual([]);
    expect(fail('{not json').object).toBe('{not json');
    expect(fieldErrors('["a"]')).toEqual([]);
  });
});
