# richards: Martin Richards' OS task-scheduler simulation (classic object-oriented benchmark).
I_IDLE, I_WORK, I_HANDLERA, I_HANDLERB, I_DEVA, I_DEVB = 1, 2, 3, 4, 5, 6
K_DEV, K_WORK = 1000, 1001
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link, self.ident, self.kind = link, ident, kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def packet_pending_state(self):
        self.packet_pending, self.task_waiting, self.task_holding = True, False, False
        return self

    def waiting(self):
        self.packet_pending, self.task_waiting, self.task_holding = False, True, False
        return self

    def running(self):
        self.packet_pending, self.task_waiting, self.task_holding = False, False, False
        return self

    def waiting_with_packet(self):
        self.packet_pending, self.task_waiting, self.task_holding = True, True, False
        return self

    def is_task_holding_or_waiting(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def is_waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding


class Scheduler:
    def __init__(self):
        self.task_tab = [None] * 10
        self.task_list = None
        self.hold_count = 0
        self.qpkt_count = 0
        self.current = None
        self.current_id = 0


S = Scheduler()


class Task(TaskState):
    def __init__(self, ident, prio, input_, state, fn, rec):
        TaskState.__init__(self)
        self.link = S.task_list
        self.ident, self.prio, self.input, self.fn, self.rec = ident, prio, input_, fn, rec
        self.packet_pending, self.task_waiting, self.task_holding = (
            state.packet_pending, state.task_waiting, state.task_holding)
        S.task_list = self
        S.task_tab[ident] = self

    def add_packet(self, p, old):
        if self.input is None:
            self.input = p
            self.packet_pending = True
            if self.prio > old.prio:
                return self
        else:
            p.append_to(self.input)
        return old

    def run_task(self):
        if self.is_waiting_with_packet():
            msg = self.input
            self.input = msg.link
            if self.input is None:
                self.running()
            else:
                self.packet_pending_state()
        else:
            msg = None
        return self.fn(self, msg, self.rec)

    def wait_task(self):
        self.task_waiting = True
        return self

    def hold(self):
        S.hold_count += 1
        self.task_holding = True
        return self.link

    def release(self, i):
        t = S.task_tab[i]
        t.task_holding = False
        return t if t.prio > self.prio else self

    def qpkt(self, pkt):
        t = S.task_tab[pkt.ident]
        S.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.ident
        return t.add_packet(pkt, self)


class Rec:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def idle_fn(task, pkt, r):
    r.count -= 1
    if r.count == 0:
        return task.hold()
    if r.control & 1 == 0:
        r.control //= 2
        return task.release(I_DEVA)
    r.control = r.control // 2 ^ 0xD008
    return task.release(I_DEVB)


def work_fn(task, pkt, r):
    if pkt is None:
        return task.wait_task()
    r.destination = I_HANDLERB if r.destination == I_HANDLERA else I_HANDLERA
    pkt.ident = r.destination
    pkt.datum = 0
    for i in range(BUFSIZE):
        r.count += 1
        if r.count > 26:
            r.count = 1
        pkt.data[i] = ord("A") + r.count - 1
    return task.qpkt(pkt)


def handler_fn(task, pkt, r):
    if pkt is not None:
        if pkt.kind == K_WORK:
            r.work_in = pkt.append_to(r.work_in)
        else:
            r.device_in = pkt.append_to(r.device_in)
    if r.work_in is not None:
        work = r.work_in
        count = work.datum
        if count < BUFSIZE:
            if r.device_in is not None:
                dev = r.device_in
                r.device_in = dev.link
                dev.datum = work.data[count]
                work.datum = count + 1
                return task.qpkt(dev)
        else:
            r.work_in = work.link
            return task.qpkt(work)
    return task.wait_task()


def device_fn(task, pkt, r):
    if pkt is None:
        pkt = r.pending
        if pkt is None:
            return task.wait_task()
        r.pending = None
        return task.qpkt(pkt)
    r.pending = pkt
    return task.hold()


def schedule():
    t = S.task_list
    while t is not None:
        if t.is_task_holding_or_waiting():
            t = t.link
        else:
            S.current_id = t.ident
            t = t.run_task()


def run_once():
    S.__init__()
    Task(I_IDLE, 0, None, TaskState().running(), idle_fn, Rec(control=1, count=10000))
    wkq = Packet(None, 0, K_WORK)
    wkq = Packet(wkq, 0, K_WORK)
    Task(I_WORK, 1000, wkq, TaskState().waiting_with_packet(), work_fn,
         Rec(destination=I_HANDLERA, count=0))
    wkq = Packet(None, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    Task(I_HANDLERA, 2000, wkq, TaskState().waiting_with_packet(), handler_fn,
         Rec(work_in=None, device_in=None))
    wkq = Packet(None, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    Task(I_HANDLERB, 3000, wkq, TaskState().waiting_with_packet(), handler_fn,
         Rec(work_in=None, device_in=None))
    Task(I_DEVA, 4000, None, TaskState().waiting(), device_fn, Rec(pending=None))
    Task(I_DEVB, 5000, None, TaskState().waiting(), device_fn, Rec(pending=None))
    schedule()
    return S.hold_count, S.qpkt_count


for _ in range(40):
    counts = run_once()
print(*counts)
